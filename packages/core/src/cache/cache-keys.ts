// Keys are shared by every service through one Redis, so a write anywhere clears reads everywhere.

/** Seconds. Short, so that even a lost invalidation heals quickly (legacy kept 300 s and 180 s). */
export const cacheTtl = {
  entity: 60,
  list: 30,
  catalogue: 30,
} as const;

export const cacheKeys = {
  product: (id: number) => `product:${id}`,
  productList: () => "products:all",
  mergedProduct: (id: number) => `product-with-stock:${id}`,
  inventory: (id: number) => `inventory:${id}`,
  inventoryByProduct: (productId: number) => `inventory:product:${productId}`,
  inventoryList: () => "inventory:all",
  /** The merged entries of one chunk of product ids (see `catalogue-chunks.ts`). */
  catalogueChunk: (chunk: number) => `catalogue:chunk:${chunk}`,
  /** The last chunk holding a product: where a catalogue read may stop. */
  catalogueTail: () => "catalogue:tail",
} as const;

/**
 * The header naming the cache key an answer was read through (as CDNs' surrogate keys do). A
 * copy of the answer kept further on, the gateway's, goes stale exactly when that key is
 * invalidated; a copy of an answer without it goes stale on every write.
 */
export const surrogateKeyHeader = "surrogate-key";

/** The headers of an answer read through `key`. */
export const readThroughKey = (key: string): Record<string, string> => ({
  [surrogateKeyHeader]: key,
});
