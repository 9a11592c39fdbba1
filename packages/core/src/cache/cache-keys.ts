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
