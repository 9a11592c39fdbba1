import type { MergedProduct } from "../api/api-schemas.ts";
import { stockLevelOf } from "./stock-level.ts";

export interface StockSummary {
  productCount: number;
  unitsInStock: number;
  /** Products whose stock is low; a product with no stock row has none, so it counts. */
  lowStockCount: number;
}

export function summarizeStock(products: readonly MergedProduct[]): StockSummary {
  let unitsInStock = 0;
  let lowStockCount = 0;
  for (const product of products) {
    const quantity = product.inventory?.quantity ?? 0;
    unitsInStock += quantity;
    if (stockLevelOf(quantity) === "low") lowStockCount += 1;
  }
  return { productCount: products.length, unitsInStock, lowStockCount };
}
