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
 * A location renamed or deleted: the stock rows that name it (and their merged views). Every
 * invalidation also moves the cache generation, so the gateway's copies of any answer go too.
 */
export function keysStaledByLocationChange(
  rows: readonly { id: number; product_id: number }[],
): string[] {
  const keys = rows.flatMap((row) => keysStaledByInventoryWrite(row.id, row.product_id));
  return [...new Set([cacheKeys.inventoryList(), cacheKeys.catalogue(), ...keys])];
}

/**
 * Stock changes at levels (adjust, transfer, commit) stale the stock rows of their products.
 * Reservations change no cached answer (levels and reservations are read from the database,
 * never cached), but are invalidated the same way so the generation moves on.
 */
export function keysStaledByLevelWrite(
  levels: readonly { inventory_id: number; product_id: number }[],
): string[] {
  const keys = levels.flatMap((level) =>
    keysStaledByInventoryWrite(level.inventory_id, level.product_id),
  );
  return [...new Set([cacheKeys.inventoryList(), cacheKeys.catalogue(), ...keys])];
}
