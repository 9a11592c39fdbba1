import { ApiError } from "./api-error.ts";
import { requestJson } from "./request-json.ts";
import { updateStockRow } from "./stockwiz-api.ts";
import type { InventoryRow } from "./types.ts";

export interface StockAdjustment {
  row: InventoryRow;
  /** False when the server has no adjust endpoint and the quantity was set directly. */
  reasonRecorded: boolean;
}

// Learned from the first answer: the adjust endpoint is planned, not guaranteed.
let adjustEndpointMissing = false;

/**
 * Adds `delta` units (negative removes) through `POST /api/inventory/{id}/adjust`
 * when the server has it, otherwise sets the new quantity with a PUT. Pass the
 * same `idempotencyKey` again only to retry an attempt whose outcome is unknown.
 */
export async function adjustStock(
  row: InventoryRow,
  delta: number,
  reason: string,
  idempotencyKey: string,
): Promise<StockAdjustment> {
  if (!adjustEndpointMissing) {
    try {
      const adjusted = await requestJson<InventoryRow>(
        "POST",
        `/api/inventory/${row.id}/adjust`,
        { delta, ...(reason ? { reason } : {}) },
        // A retry with the same key is applied once, however many times it arrives.
        { "Idempotency-Key": idempotencyKey },
      );
      return { row: adjusted, reasonRecorded: true };
    } catch (error) {
      if (!isMissingRoute(error)) throw error;
    }
  }
  // The fallback works from the quantity on screen; a concurrent change in between is overwritten.
  const updated = await updateStockRow(row.id, { quantity: row.quantity + delta });
  // The row exists (the PUT worked), so the 404/405 meant the route itself is missing.
  adjustEndpointMissing = true;
  return { row: updated, reasonRecorded: false };
}

function isMissingRoute(error: unknown): boolean {
  return error instanceof ApiError && (error.status === 404 || error.status === 405);
}
