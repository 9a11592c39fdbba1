import { int4Max } from "../db/column-limits.ts";

/**
 * The catalogue is kept as chunks of product ids, each cached under its own key, so a write
 * makes stale only the chunk of the product it touched: the next read rebuilds that chunk
 * (two upstream calls of at most this many rows) and reuses the rest. One width everywhere:
 * the invalidation lists name chunks by it.
 */
export const catalogueChunkWidth = 500;

/** Chunk 0 holds ids 1–500, chunk 1 ids 501–1000, and so on. */
export const chunkOfProduct = (productId: number): number =>
  Math.floor((productId - 1) / catalogueChunkWidth);

export function productIdsOfChunk(chunk: number): { first: number; last: number } {
  const first = chunk * catalogueChunkWidth + 1;
  return { first, last: Math.min(first + catalogueChunkWidth - 1, int4Max) };
}
