import type { ServiceDeps } from "../deps.ts";
import { notFound } from "../errors/app-error.ts";
import { selectStockEvents, updateLowStockThreshold } from "./stock-event-queries.ts";
import type { LowStockThreshold, StockEvent, StockEventQuery } from "./stock-event-schemas.ts";

/** The outbox as it stands, delivered or not: what the dashboard shows when no SNS is there. */
export function listStockEvents(
  { db }: ServiceDeps,
  query: StockEventQuery,
): Promise<StockEvent[]> {
  return selectStockEvents(db, query);
}

/**
 * Sets the product's low-stock threshold. It is in no cached answer, so nothing is invalidated;
 * levels already past it are not re-announced: events mark changes of available, and the next
 * one is judged against the new threshold.
 */
export async function setLowStockThreshold(
  { db }: ServiceDeps,
  inventoryId: number,
  threshold: number,
): Promise<LowStockThreshold> {
  const updated = await updateLowStockThreshold(db, inventoryId, threshold);
  if (updated === undefined) throw notFound("Inventory not found");
  return updated;
}
