import type { Db } from "../db/database.ts";
import { toProduct } from "../products/product-queries.ts";
import { mergeProductWithStock } from "./merge-product-with-stock.ts";
import type { MergedProduct } from "./merged-product-schema.ts";

export async function selectMergedProduct(db: Db, id: number): Promise<MergedProduct | undefined> {
  const row = await db
    .selectFrom("products as p")
    .leftJoin("inventory as i", "i.product_id", "p.id")
    .select([
      "p.id",
      "p.name",
      "p.description",
      "p.price",
      "p.category",
      "i.quantity",
      "i.warehouse",
    ])
    .where("p.id", "=", id)
    .executeTakeFirst();
  if (row === undefined) return undefined;
  const stock =
    row.quantity === null ? undefined : { quantity: row.quantity, warehouse: row.warehouse };
  return mergeProductWithStock(toProduct(row), stock);
}
