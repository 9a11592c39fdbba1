import { chunkOfProduct } from "../catalogue/catalogue-chunks.ts";
import { cacheKeys } from "./cache-keys.ts";

/**
 * Every key a product write can make stale (its stock row goes too when the product is deleted).
 * The catalogue's tail goes with every product write, as a new product may lie past it.
 */
export function keysStaledByProductWrite(productId: number, removedInventoryId?: number): string[] {
  const keys = [
    cacheKeys.product(productId),
    cacheKeys.productList(),
    cacheKeys.mergedProduct(productId),
    cacheKeys.catalogueChunk(chunkOfProduct(productId)),
    cacheKeys.catalogueTail(),
  ];
  if (removedInventoryId !== undefined) {
    keys.push(
      cacheKeys.inventory(removedInventoryId),
      cacheKeys.inventoryByProduct(productId),
      cacheKeys.inventoryList(),
    );
  }
  return keys;
}

/** Every key a stock write can make stale, including the merged views of its product. */
export function keysStaledByInventoryWrite(inventoryId: number, productId: number): string[] {
  return [
    cacheKeys.inventory(inventoryId),
    cacheKeys.inventoryByProduct(productId),
    cacheKeys.inventoryList(),
    cacheKeys.mergedProduct(productId),
    cacheKeys.catalogueChunk(chunkOfProduct(productId)),
  ];
}
