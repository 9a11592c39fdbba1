import { sql } from "kysely";
import type { Db, InventoryRow } from "../db/database.ts";
import type { CreateInventory, Inventory, InventoryChanges } from "./inventory-schemas.ts";

const columns = ["id", "product_id", "quantity", "warehouse", "last_updated", "version"] as const;

export const toInventory = (row: Pick<InventoryRow, (typeof columns)[number]>): Inventory => ({
  id: row.id,
  product_id: row.product_id,
  quantity: row.quantity,
  warehouse: row.warehouse,
  last_updated: new Date(row.last_updated).toISOString(),
  version: row.version,
});

export async function selectInventory(db: Db): Promise<Inventory[]> {
  return (await db.selectFrom("inventory").select(columns).orderBy("id").execute()).map(
    toInventory,
  );
}

export async function selectInventoryById(db: Db, id: number): Promise<Inventory | undefined> {
  const row = await db
    .selectFrom("inventory")
    .select(columns)
    .where("id", "=", id)
    .executeTakeFirst();
  return row && toInventory(row);
}

export async function selectInventoryByProduct(
  db: Db,
  productId: number,
): Promise<Inventory | undefined> {
  const row = await db
    .selectFrom("inventory")
    .select(columns)
    .where("product_id", "=", productId)
    .executeTakeFirst();
  return row && toInventory(row);
}

/** Locks the row for the rest of the transaction: the read-then-write of a PUT stays atomic. */
export async function lockInventory(db: Db, id: number): Promise<Inventory | undefined> {
  const row = await db
    .selectFrom("inventory")
    .select(columns)
    .where("id", "=", id)
    .forUpdate()
    .executeTakeFirst();
  return row && toInventory(row);
}

export async function insertInventory(
  db: Db,
  stock: CreateInventory,
  now: Date,
): Promise<Inventory> {
  const row = await db
    .insertInto("inventory")
    .values({
      product_id: stock.product_id,
      quantity: stock.quantity,
      warehouse: stock.warehouse ?? null,
      last_updated: now,
    })
    .returning(columns)
    .executeTakeFirstOrThrow();
  return toInventory(row);
}

export async function updateInventoryRow(
  db: Db,
  id: number,
  changes: InventoryChanges,
  now: Date,
): Promise<Inventory | undefined> {
  const row = await db
    .updateTable("inventory")
    .set({ ...changes, last_updated: now, version: sql`version + 1` })
    .where("id", "=", id)
    .returning(columns)
    .executeTakeFirst();
  return row && toInventory(row);
}

export async function deleteInventoryRow(db: Db, id: number): Promise<Inventory | undefined> {
  const row = await db
    .deleteFrom("inventory")
    .where("id", "=", id)
    .returning(columns)
    .executeTakeFirst();
  return row && toInventory(row);
}
