import type { MergedProduct } from "../api/api-schemas.ts";

export interface StockBar {
  label: string;
  quantity: number;
}

const NO_WAREHOUSE = "No warehouse";

/** Units per product, largest first. Products without a stock row are left out. */
export function stockPerProduct(products: readonly MergedProduct[]): StockBar[] {
  return products
    .flatMap((product) =>
      product.inventory ? [{ label: product.name, quantity: product.inventory.quantity }] : [],
    )
    .sort((a, b) => b.quantity - a.quantity);
}

/** Units per warehouse, largest first. */
export function stockPerWarehouse(products: readonly MergedProduct[]): StockBar[] {
  const totals = new Map<string, number>();
  for (const { inventory } of products) {
    if (!inventory) continue;
    const warehouse = inventory.warehouse || NO_WAREHOUSE;
    totals.set(warehouse, (totals.get(warehouse) ?? 0) + inventory.quantity);
  }
  return [...totals]
    .map(([label, quantity]) => ({ label, quantity }))
    .sort((a, b) => b.quantity - a.quantity);
}
