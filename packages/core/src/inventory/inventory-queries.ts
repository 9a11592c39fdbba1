import { sql } from "kysely";
import type { Db, InventoryRow } from "../db/database.ts";
import { type Page, pageOf } from "../paging/keyset-page.ts";
import type { PageRequest } from "../paging/page-query.ts";
import type {
  CreateInventory,
  Inventory,
  InventoryChanges,
  InventoryFilter,
} from "./inventory-schemas.ts";

const columns = ["id", "product_id", "quantity", "warehouse", "last_updated", "version"] as const;

export const toInventory = (row: Pick<InventoryRow, (typeof columns)[number]>): Inventory => ({
  id: row.id,
  product_id: row.product_id,
  quantity: row.quantity,
  warehouse: row.warehouse,
  last_updated: new Date(row.last_updated).toISOString(),
  version: row.version,
});

export async function selectInventory(
  db: Db,
  filter: InventoryFilter = {},
  page?: PageRequest,
): Promise<Inventory[]> {
  let query = db.selectFrom("inventory").select(columns).orderBy("id");
  if (filter.product_id_from !== undefined)
    query = query.where("product_id", ">=", filter.product_id_from);
  if (filter.product_id_to !== undefined)
    query = query.where("product_id", "<=", filter.product_id_to);
  if (page !== undefined) query = query.where("id", ">", page.after).limit(page.limit + 1);
  return (await query.execute()).map(toInventory);
}

/** Keyset paging on the primary key, as for products. */
export async function selectInventoryPage(
  db: Db,
  filter: InventoryFilter,
  page: PageRequest,
): Promise<Page<Inventory>> {
  return pageOf(await selectInventory(db, filter, page), page.limit);
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

/**
 * One statement changes the row and writes its ledger entry: the row lock is held for that
 * statement only, the condition is checked again after any wait, and stock never goes below
 * zero. Undefined: no such row, or not enough stock.
 */
export async function adjustQuantityWithMovement(
  db: Db,
  change: { id: number; delta: number; reason: string | null; requestId: string | null; now: Date },
): Promise<Inventory | undefined> {
  const row = await db
    .with("adjusted", (qb) =>
      qb
        .updateTable("inventory")
        .set({
          quantity: sql`quantity + ${change.delta}`,
          last_updated: change.now,
          version: sql`version + 1`,
        })
        .where("id", "=", change.id)
        .where(sql<boolean>`quantity + ${change.delta} >= 0`)
        .returning(columns),
    )
    .with("recorded", (qb) =>
      qb
        .insertInto("stock_movements")
        .columns(["inventory_id", "delta", "quantity_after", "reason", "request_id", "created_at"])
        .expression((eb) =>
          eb
            .selectFrom("adjusted")
            .select([
              "adjusted.id",
              sql<number>`${change.delta}::integer`.as("delta"),
              "adjusted.quantity",
              sql<string | null>`${change.reason}::varchar`.as("reason"),
              sql<string | null>`${change.requestId}::varchar`.as("request_id"),
              sql<Date>`${change.now}::timestamptz`.as("created_at"),
            ]),
        ),
    )
    .selectFrom("adjusted")
    .selectAll()
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
