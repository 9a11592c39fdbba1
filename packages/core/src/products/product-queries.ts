import type { Db, ProductRow } from "../db/database.ts";
import type { CreateProduct, Product, ProductChanges } from "./product-schemas.ts";

const columns = ["id", "name", "description", "price", "category"] as const;

export const toProduct = (row: Pick<ProductRow, (typeof columns)[number]>): Product => ({
  id: row.id,
  name: row.name,
  description: row.description,
  price: Number(row.price),
  category: row.category,
});

export async function selectProducts(db: Db, filter: { category?: string }): Promise<Product[]> {
  let query = db.selectFrom("products").select(columns).orderBy("id");
  if (filter.category !== undefined) query = query.where("category", "=", filter.category);
  return (await query.execute()).map(toProduct);
}

export async function selectProduct(db: Db, id: number): Promise<Product | undefined> {
  const row = await db
    .selectFrom("products")
    .select(columns)
    .where("id", "=", id)
    .executeTakeFirst();
  return row && toProduct(row);
}

export async function insertProduct(db: Db, product: CreateProduct): Promise<Product> {
  const row = await db
    .insertInto("products")
    .values({
      name: product.name,
      price: product.price,
      description: product.description ?? null,
      category: product.category ?? null,
    })
    .returning(columns)
    .executeTakeFirstOrThrow();
  return toProduct(row);
}

export async function updateProductRow(
  db: Db,
  id: number,
  changes: ProductChanges,
  now: Date,
): Promise<Product | undefined> {
  const row = await db
    .updateTable("products")
    .set({ ...changes, updated_at: now })
    .where("id", "=", id)
    .returning(columns)
    .executeTakeFirst();
  return row && toProduct(row);
}

/** Deletes the product; returns the id of the stock row the cascade removed with it, if any. */
export async function deleteProductRow(
  db: Db,
  id: number,
): Promise<{ deleted: boolean; inventoryId?: number }> {
  const stock = await db
    .deleteFrom("inventory")
    .where("product_id", "=", id)
    .returning("id")
    .executeTakeFirst();
  const product = await db
    .deleteFrom("products")
    .where("id", "=", id)
    .returning("id")
    .executeTakeFirst();
  return { deleted: product !== undefined, inventoryId: stock?.id };
}
