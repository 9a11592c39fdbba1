import { sql } from "kysely";
import { int4Max } from "../db/column-limits.ts";
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

/**
 * The legacy adjust of a product stocked in one location, in one statement: the level, the row
 * and the ledger entry change together, the level's lock is held for that statement only, and
 * the condition is checked again after any wait. Undefined when it cannot decide alone: no such
 * row, several levels or none, or not enough units by the level's count of held units (which
 * may still include holds that lapsed); the caller then takes the locked path.
 */
export async function adjustOnlyLevelInOneStatement(
  db: Db,
  change: { id: number; delta: number; reason: string | null; requestId: string | null; now: Date },
): Promise<Inventory | undefined> {
  const { id, delta, now } = change;
  const row = await db
    .with("only_level", (qb) =>
      qb
        .selectFrom("stock_levels")
        .select("inventory_id")
        .where("inventory_id", "=", id)
        .groupBy("inventory_id")
        .having(sql<boolean>`count(*) = 1`),
    )
    .with("level", (qb) =>
      qb
        .updateTable("stock_levels")
        .set({ on_hand: sql`on_hand + ${delta}`, updated_at: now })
        .where("inventory_id", "in", (eb) => eb.selectFrom("only_level").select("inventory_id"))
        .where(sql<boolean>`on_hand + ${delta}::bigint BETWEEN reserved AND ${int4Max}`)
        .returning(["inventory_id", "location_id", "on_hand"]),
    )
    .with("adjusted", (qb) =>
      qb
        .updateTable("inventory")
        .set({ quantity: sql`quantity + ${delta}`, last_updated: now, version: sql`version + 1` })
        .where("id", "in", (eb) => eb.selectFrom("level").select("inventory_id"))
        .returning(columns),
    )
    .with("recorded", (qb) =>
      qb
        .insertInto("stock_movements")
        .columns([
          "inventory_id",
          "location_id",
          "kind",
          "delta",
          "quantity_after",
          "reason",
          "request_id",
          "created_at",
        ])
        .expression((eb) =>
          eb
            .selectFrom("level")
            .select([
              "level.inventory_id",
              "level.location_id",
              sql<string>`'adjust'`.as("kind"),
              sql<number>`${delta}::integer`.as("delta"),
              "level.on_hand",
              sql<string | null>`${change.reason}::varchar`.as("reason"),
              sql<string | null>`${change.requestId}::varchar`.as("request_id"),
              sql<Date>`${now}::timestamptz`.as("created_at"),
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
