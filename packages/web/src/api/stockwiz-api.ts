import { answerOf } from "./api-answer.ts";
import type {
  MergedProduct,
  NewProduct,
  NewStockRow,
  Product,
  ProductChanges,
  StockAdjustment,
  StockMovement,
  StockRow,
  StockRowChanges,
} from "./api-schemas.ts";
import { idPath } from "./id-path.ts";
import { stockwizClient as api } from "./stockwiz-client.ts";

/** `forceRefresh` asks the gateway to rebuild the list rather than answer its copy. */
export function listProductsWithStock(forceRefresh: boolean): Promise<MergedProduct[]> {
  const query = forceRefresh ? { force_refresh: "true" as const } : {};
  return answerOf(api.GET("/api/products-full", { params: { query } }));
}

export function listStockRows(): Promise<StockRow[]> {
  return answerOf(api.GET("/api/inventory"));
}

export function getStockRow(id: number): Promise<StockRow> {
  return answerOf(api.GET("/api/inventory/{id}", { params: idPath(id) }));
}

export function createProduct(product: NewProduct): Promise<Product> {
  return answerOf(api.POST("/api/products", { body: product }));
}

export function updateProduct(id: number, changes: ProductChanges): Promise<Product> {
  return answerOf(api.PUT("/api/products/{id}", { params: idPath(id), body: changes }));
}

export function deleteProduct(id: number): Promise<void> {
  return answerOf(api.DELETE("/api/products/{id}", { params: idPath(id) }));
}

export function createStockRow(row: NewStockRow): Promise<StockRow> {
  return answerOf(api.POST("/api/inventory", { body: row }));
}

/**
 * Changes the row only if it is still the version that was read (If-Match): a change made by
 * someone else meanwhile is answered 412 and nothing is overwritten.
 */
export function updateStockRow(row: StockRow, changes: StockRowChanges): Promise<StockRow> {
  const params = { ...idPath(row.id), header: { "If-Match": `"${row.version}"` } };
  return answerOf(api.PUT("/api/inventory/{id}", { params, body: changes }));
}

/**
 * Adds `delta` units (negative removes) with the reason kept in the row's ledger; a product
 * stocked in several locations needs `location_id` (409 location_required otherwise). Pass the
 * same `idempotencyKey` again only to retry an attempt whose outcome is unknown: it is applied once.
 */
export function adjustStock(
  row: StockRow,
  adjustment: StockAdjustment,
  idempotencyKey: string,
): Promise<StockRow> {
  const params = { ...idPath(row.id), header: { "Idempotency-Key": idempotencyKey } };
  return answerOf(api.POST("/api/inventory/{id}/adjust", { params, body: adjustment }));
}

export function deleteStockRow(id: number): Promise<void> {
  return answerOf(api.DELETE("/api/inventory/{id}", { params: idPath(id) }));
}

/** The ledger of a stock row, oldest first. */
export function listStockMovements(id: number): Promise<StockMovement[]> {
  return answerOf(api.GET("/api/inventory/{id}/movements", { params: idPath(id) }));
}
