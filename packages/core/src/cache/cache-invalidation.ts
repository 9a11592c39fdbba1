import { cacheKeys } from "./cache-keys.ts";

/** Every key a product write can make stale (its stock row goes too when the product is deleted). */
export function keysStaledByProductWrite(productId: number, removedInventoryId?: number): string[] {
  const keys = [
    cacheKeys.product(productId),
    cacheKeys.productList(),
    cacheKeys.mergedProduct(productId),
    cacheKeys.catalogue(),
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
    cacheKeys.catalogue(),
  ];
}

/**
 * A write at levels stales the stock rows of their products and their merged views: adjust and
 * commit change quantities, a transfer adds to the ledger, a renamed or deleted location
 * changes a warehouse. Holding and letting go of units changes no cached answer (levels and
 * reservations are read from the database and answered no-store) but is invalidated the same
 * way, so the cache generation moves on with every write.
 */
export function keysStaledByLevelWrite(
  levels: readonly { inventory_id: number; product_id: number }[],
): string[] {
  const keys = levels.flatMap((level) =>
    keysStaledByInventoryWrite(level.inventory_id, level.product_id),
  );
  return [...new Set([cacheKeys.inventoryList(), cacheKeys.catalogue(), ...keys])];
}
