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

/**
 * Newest first. With `after`, the `limit` oldest of the events since that one (still answered
 * newest first): a reader catching up asks again after the newest it got, and skips none.
 */
export async function selectStockEvents(db: Db, query: StockEventQuery): Promise<StockEvent[]> {
  if (query.after === undefined) {
    const newest = await db
      .selectFrom("stock_events")
      .selectAll()
      .orderBy("id", "desc")
      .limit(query.limit)
      .execute();
    return newest.map(toStockEvent);
  }
  const since = await db
    .selectFrom("stock_events")
    .selectAll()
    .where("id", ">", query.after)
    .orderBy("id", "asc")
    .limit(query.limit)
    .execute();
  return since.reverse().map(toStockEvent);
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
