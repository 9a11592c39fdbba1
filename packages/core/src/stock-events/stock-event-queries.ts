import type { Selectable } from "kysely";
import type { Db, StockEventsTable } from "../db/database.ts";
import type { LowStockThreshold, StockEvent, StockEventQuery } from "./stock-event-schemas.ts";

export const toStockEvent = (row: Selectable<StockEventsTable>): StockEvent => ({
  id: row.id,
  level_id: row.level_id,
  product_id: row.product_id,
  location_id: row.location_id,
  sequence: row.sequence,
  kind: row.kind,
  available_before: row.available_before,
  available_after: row.available_after,
  low_stock_threshold: row.low_stock_threshold,
  occurred_at: new Date(row.occurred_at).toISOString(),
});

/** Newest first; with `after`, only the events written since that one. */
export async function selectStockEvents(db: Db, query: StockEventQuery): Promise<StockEvent[]> {
  let select = db.selectFrom("stock_events").selectAll().orderBy("id", "desc").limit(query.limit);
  if (query.after !== undefined) select = select.where("id", ">", query.after);
  return (await select.execute()).map(toStockEvent);
}

export async function updateLowStockThreshold(
  db: Db,
  inventoryId: number,
  threshold: number,
): Promise<LowStockThreshold | undefined> {
  const row = await db
    .updateTable("inventory")
    .set({ low_stock_threshold: threshold })
    .where("id", "=", inventoryId)
    .returning(["id", "product_id", "low_stock_threshold"])
    .executeTakeFirst();
  return (
    row && {
      inventory_id: row.id,
      product_id: row.product_id,
      low_stock_threshold: row.low_stock_threshold,
    }
  );
}
