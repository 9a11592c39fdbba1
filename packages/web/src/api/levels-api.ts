import { answerOf } from "./api-answer.ts";
import type { NewTransfer, StockLevel, Transfer } from "./api-schemas.ts";
import { stockwizClient as api } from "./stockwiz-client.ts";

/** A product's stock at each of its locations, ordered by location. */
export function listStockLevels(productId: number): Promise<StockLevel[]> {
  const query = { product_id: String(productId) };
  return answerOf(api.GET("/api/inventory/levels", { params: { query } }));
}

/** Moves available units between two locations; refused (409) when the source has too few. */
export function transferStock(transfer: NewTransfer, idempotencyKey: string): Promise<Transfer> {
  const params = { header: { "Idempotency-Key": idempotencyKey } };
  return answerOf(api.POST("/api/inventory/transfers", { params, body: transfer }));
}
