import { answerOf } from "./api-answer.ts";
import type { LowStockThreshold, StockEvent } from "./api-schemas.ts";
import { idPath } from "./id-path.ts";
import { stockwizClient as api } from "./stockwiz-client.ts";

/** Stock events, newest first; with `after` (an event's id), only the ones written since. */
export function listStockEvents(after?: string): Promise<StockEvent[]> {
  const query = after === undefined ? {} : { after };
  return answerOf(api.GET("/api/inventory/events", { params: { query } }));
}

/**
 * Sets the threshold of the product of stock row `inventoryId`: a level at or below it is low.
 * Levels already past it are not announced again; the next change is judged against it.
 */
export function setLowStockThreshold(
  inventoryId: number,
  threshold: number,
): Promise<LowStockThreshold> {
  const body = { low_stock_threshold: threshold };
  return answerOf(
    api.PUT("/api/inventory/{id}/low-stock-threshold", { params: idPath(inventoryId), body }),
  );
}
