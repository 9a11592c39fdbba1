import { requestJson } from "./request-json.ts";
import type {
  InventoryRow,
  NewStockRow,
  Product,
  ProductChanges,
  ProductWithStock,
  StockMovement,
  StockRowChanges,
} from "./types.ts";

/** `forceRefresh` asks the gateway to bypass its cache. */
export function listProductsWithStock(forceRefresh: boolean): Promise<ProductWithStock[]> {
  const query = forceRefresh ? "?force_refresh=true" : "";
  return requestJson("GET", `/api/products-full${query}`);
}

export function listInventory(): Promise<InventoryRow[]> {
  return requestJson("GET", "/api/inventory");
}

export function createProduct(product: ProductChanges): Promise<Product> {
  return requestJson("POST", "/api/products", product);
}

export function updateProduct(id: number, changes: ProductChanges): Promise<Product> {
  return requestJson("PUT", `/api/products/${id}`, changes);
}

export function deleteProduct(id: number): Promise<void> {
  return requestJson("DELETE", `/api/products/${id}`);
}

export function createStockRow(row: NewStockRow): Promise<InventoryRow> {
  return requestJson("POST", "/api/inventory", row);
}

export function updateStockRow(id: number, changes: StockRowChanges): Promise<InventoryRow> {
  return requestJson("PUT", `/api/inventory/${id}`, changes);
}

export function deleteStockRow(id: number): Promise<void> {
  return requestJson("DELETE", `/api/inventory/${id}`);
}

/** The ledger of a stock row, oldest first. */
export function listStockMovements(id: number): Promise<StockMovement[]> {
  return requestJson("GET", `/api/inventory/${id}/movements`);
}
