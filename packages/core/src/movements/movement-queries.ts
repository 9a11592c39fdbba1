import type { Db, StockMovementRow } from "../db/database.ts";
import type { NewStockMovement, StockMovement } from "./movement-schemas.ts";

const toMovement = (row: StockMovementRow): StockMovement => ({
  id: Number(row.id),
  inventory_id: row.inventory_id,
  location_id: row.location_id,
  kind: row.kind,
  delta: row.delta,
  quantity_after: row.quantity_after,
  reason: row.reason,
  request_id: row.request_id,
  created_at: new Date(row.created_at).toISOString(),
});

/** Written in the same transaction as the quantity change it records. */
export async function insertMovement(db: Db, movement: NewStockMovement, now: Date): Promise<void> {
  await db
    .insertInto("stock_movements")
    .values({
      inventory_id: movement.inventoryId,
      location_id: movement.locationId,
      kind: movement.kind,
      delta: movement.delta,
      quantity_after: movement.quantityAfter,
      reason: movement.reason,
      request_id: movement.requestId,
      created_at: now,
    })
    .execute();
}

export async function selectMovements(db: Db, inventoryId: number): Promise<StockMovement[]> {
  const rows = await db
    .selectFrom("stock_movements")
    .selectAll()
    .where("inventory_id", "=", inventoryId)
    .orderBy("id")
    .execute();
  return rows.map(toMovement);
}
