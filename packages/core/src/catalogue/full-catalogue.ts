import type { Cache } from "../cache/cache.ts";
import { cacheKeys, cacheTtl } from "../cache/cache-keys.ts";
import { readThroughJson } from "../cache/read-through.ts";
import type { Inventory } from "../inventory/inventory-schemas.ts";
import type { Product } from "../products/product-schemas.ts";
import { catalogueChunkWidth, productIdsOfChunk } from "./catalogue-chunks.ts";
import { mergeCatalogue } from "./merge-product-with-stock.ts";
import type { MergedProduct } from "./merged-product-schema.ts";

/** Where the listings come from, a part at a time: the services over HTTP in the gateway. */
export interface CatalogueSource {
  /** Products with an id above `afterId`, ordered by id, `limit` at most. */
  products(afterId: number, limit: number): Promise<Product[]>;
  /** The stock rows of the products with ids from `first` to `last`. */
  stock(first: number, last: number): Promise<Inventory[]>;
}

interface CatalogueDeps {
  cache: Cache;
  source: CatalogueSource;
}

/** What a chunk caches: its merged entries, and whether any product lay beyond it then. */
interface Chunk {
  more: boolean;
  entries: MergedProduct[];
}

// Chunks read ahead of the one being written out, up to the tail: cached copies on a read, and
// rebuilt chunks on a refresh (up to the tail the last read found: a refresh is a run of
// upstream calls, which would otherwise wait for one another). At most this many chunks are
// held at once, which keeps the memory of a cold read flat. They are asked for in batches of
// half of it, all in one event-loop turn: a cache shares one generation read among the reads
// of a turn, so a 10,000-product read makes about 7 of them, not 100 (one per chunk, each
// waiting on Redis, was most of the mixed workload's catalogue cost: issue 16).
const readAhead = 32;
const readAheadBatch = readAhead / 2;

// The last tail each cache's readers found: only a hint of how far to read ahead while the
// cached tail is gone (every creation removes it), never where to stop.
const tailsSeen = new WeakMap<Cache, number>();

async function loadChunk(source: CatalogueSource, chunk: number): Promise<Chunk> {
  const { first, last } = productIdsOfChunk(chunk);
  // One row past the chunk's width says whether a product lies beyond it.
  const [products, stock] = await Promise.all([
    source.products(first - 1, catalogueChunkWidth + 1),
    source.stock(first, last),
  ]);
  const inChunk = products.filter((product) => product.id <= last);
  return { more: inChunk.length < products.length, entries: mergeCatalogue(inChunk, stock) };
}

// The answer is bytes from end to end: cached chunks are read as bytes and written out as they
// are. Encoding or joining megabytes of text cost more than everything else a warm read does
// (7–8 ms per 2 MB on this host, against 0.2 ms to copy the same bytes).
const utf8 = new TextEncoder();
const openingBracket = utf8.encode("[");
const comma = utf8.encode(",");
const closingBracket = utf8.encode("]");
const emptyArray = utf8.encode("[]");
const moreFollows = utf8.encode('{"more":true,');

const startsWith = (bytes: Uint8Array, prefix: Uint8Array) =>
  bytes.length >= prefix.length && prefix.every((byte, at) => bytes[at] === byte);

/**
 * A chunk's cached JSON, `{"more":…,"entries":[…]}`, split without parsing its entries: they
 * are written out as they were cached.
 */
const chunkOfJson = (json: Uint8Array) => ({
  more: startsWith(json, moreFollows),
  entries: json.subarray(json.indexOf(0x5b /* [ */) + 1, json.length - 2),
});

async function readChunk(deps: CatalogueDeps, chunk: number, refresh: boolean) {
  const json = await readThroughJson(
    deps.cache,
    cacheKeys.catalogueChunk(chunk),
    cacheTtl.catalogue,
    () => loadChunk(deps.source, chunk),
    { refresh },
  );
  return utf8.encode(json as string); // a chunk always loads, if only as an empty one
}

/**
 * The last chunk holding a product, when no product lies beyond `chunk` (then cached until the
 * next product write), or undefined when one does. A chunk's own `more` cannot say it: a
 * product created past it does not touch its key.
 */
async function tailAt(deps: CatalogueDeps, chunk: number): Promise<number | undefined> {
  const generation = await deps.cache.generation();
  const beyond = await deps.source.products(productIdsOfChunk(chunk).last, 1);
  if (beyond.length > 0) return undefined;
  if (generation !== null) {
    await deps.cache.setIfUnchanged(
      cacheKeys.catalogueTail(),
      String(chunk),
      cacheTtl.catalogue,
      generation,
    );
  }
  return chunk;
}

/**
 * The cache keys a catalogue read that visited chunks 0 to `lastChunk` was made of: a write
 * that invalidates none of them leaves the answer as it was.
 */
export const keysOfCatalogue = (lastChunk: number): string[] => [
  cacheKeys.catalogueTail(),
  ...Array.from({ length: lastChunk + 1 }, (_, chunk) => cacheKeys.catalogueChunk(chunk)),
];

/**
 * Every product with its stock, as the pieces (UTF-8) of one JSON array of merged products, in
 * id order: written out as it is read, so memory does not grow with the catalogue. Upstream calls
 * grow with the chunks rebuilt, never per product (legacy asked the inventory service once per
 * product); after a write only the chunk it touched is rebuilt. `forceRefresh` rebuilds every
 * chunk. Nothing is yielded before the first chunk holding a product is read, so a failing
 * source fails the read before any of the answer is out. Returns the last chunk it visited
 * (see `keysOfCatalogue`).
 */
export async function* fullCatalogue(
  deps: CatalogueDeps,
  options: { forceRefresh: boolean },
): AsyncGenerator<Uint8Array, number> {
  const refresh = options.forceRefresh;
  // Where a read may stop, and how far it reads ahead. A refresh reads no cached tail (a chunk
  // it rebuilt says whether a product lies beyond it) and reads ahead to the last tail seen.
  const cachedTail = refresh ? null : await deps.cache.get(cacheKeys.catalogueTail());
  let tail = cachedTail === null ? undefined : Number(cachedTail);
  const aheadTo = tail ?? tailsSeen.get(deps.cache) ?? -1;
  // A chunk read ahead that failed is read again in turn, so its error is the read's.
  const readAheadOf = (chunk: number): Promise<Uint8Array | null> =>
    refresh
      ? readChunk(deps, chunk, true).catch(() => null)
      : deps.cache.getBytes(cacheKeys.catalogueChunk(chunk));
  const readsAhead = new Map<number, Promise<Uint8Array | null>>();
  const read = async (chunk: number) => {
    const ahead = await readsAhead.get(chunk);
    readsAhead.delete(chunk);
    return chunkOfJson(ahead ?? (await readChunk(deps, chunk, refresh)));
  };
  let opened = false;
  let chunk = 0;
  for (; ; chunk += 1) {
    if (readsAhead.size <= readAheadBatch) {
      for (let ahead = chunk + 1; ahead <= Math.min(chunk + readAhead, aheadTo); ahead += 1) {
        if (!readsAhead.has(ahead)) readsAhead.set(ahead, readAheadOf(ahead));
      }
    }
    const { more, entries } = await read(chunk);
    if (entries.length > 0) {
      yield opened ? comma : openingBracket;
      yield entries;
      opened = true;
    }
    if (more) continue;
    // A chunk just rebuilt knows whether any product lies beyond it; a cached one may not.
    if (refresh) break;
    tail ??= await tailAt(deps, chunk);
    if (tail !== undefined && tail <= chunk) break;
  }
  tailsSeen.set(deps.cache, chunk);
  yield opened ? closingBracket : emptyArray;
  return chunk;
}
