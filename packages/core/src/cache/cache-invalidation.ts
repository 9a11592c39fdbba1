import { chunkOfProduct } from "../catalogue/catalogue-chunks.ts";
import { cacheKeys } from "./cache-keys.ts";

/** Every key a product write can make stale (its stock row goes too when the product is deleted). */
export function keysStaledByProductWrite(productId: number, removedInventoryId?: number): string[] {
  const keys = [
    cacheKeys.product(productId),
    cacheKeys.productList(),
    cacheKeys.mergedProduct(productId),
    cacheKeys.catalogueChunk(chunkOfProduct(productId)),
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

/**
 * A new product's keys, and the catalogue's tail: the product may lie past the last chunk a
 * catalogue read would visit. (A deletion leaves the tail too far at worst, which is harmless.)
 */
export function keysStaledByProductCreation(productId: number): string[] {
  return [...keysStaledByProductWrite(productId), cacheKeys.catalogueTail()];
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
