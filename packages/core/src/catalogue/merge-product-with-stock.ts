import type { Inventory } from "../inventory/inventory-schemas.ts";
import type { Product } from "../products/product-schemas.ts";
import type { MergedProduct } from "./merged-product-schema.ts";

type Stock = Pick<Inventory, "quantity" | "warehouse">;

export function mergeProductWithStock(product: Product, stock: Stock | undefined): MergedProduct {
  if (stock === undefined) return product;
  return { ...product, inventory: { quantity: stock.quantity, warehouse: stock.warehouse } };
}

/** Joins two full listings in memory: O(products + stock rows), whatever the catalogue size. */
export function mergeCatalogue(
  products: readonly Product[],
  stock: readonly Pick<Inventory, "product_id" | "quantity" | "warehouse">[],
): MergedProduct[] {
  const stockByProduct = new Map(stock.map((row) => [row.product_id, row]));
  return products.map((product) => mergeProductWithStock(product, stockByProduct.get(product.id)));
}
