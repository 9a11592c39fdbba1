import { Readable } from "node:stream";
import type { GenerationCopies } from "@stockwiz/adapters";
import {
  type Cache,
  type CatalogueSource,
  cursorAfter,
  defineRoute,
  fullCatalogue,
  type Inventory,
  jsonTextResponse,
  keysOfCatalogue,
  mergedProductSchema,
  type Product,
} from "@stockwiz/core";
import * as z from "zod";
import type { UpstreamService } from "../upstream/upstream-service.ts";

export interface CatalogueRouteDeps {
  cache: Cache;
  productService: UpstreamService;
  inventoryService: UpstreamService;
  /**
   * The last whole answer, kept until a write invalidates a chunk it was made of or the tail:
   * a warm read is then one generation read, as a merged read is.
   */
  wholeCatalogue: GenerationCopies<Uint8Array>;
}

const wholeCatalogueKey = "products-full";

export const catalogueQuery = z.object({
  force_refresh: z
    .enum(["true", "false"])
    .optional()
    .describe("`true` rebuilds the answer from the services instead of the cached chunks"),
});

// Delegating with yield* also stops the rest when the client goes away (return() is passed on).
async function* startingWith(
  head: Uint8Array[],
  rest: AsyncGenerator<Uint8Array>,
): AsyncGenerator<Uint8Array> {
  yield* head;
  yield* rest;
}

// Up to this size the answer goes out whole with its length: a stream costs a write per piece
// and chunked framing, which doubled the CPU of a warm read of a small catalogue. Past it, what
// was read goes first and the rest streams, so memory stays flat at any size.
export const wholeCatalogueBytes = 64 * 1024;

/**
 * The answer's body from the catalogue's pieces, at least the first read before answering: a
 * service that cannot be read is a 502, not a 200 cut short (a failure later can only cut the
 * stream, which no client takes for JSON). A whole answer comes with the last chunk it visited.
 */
async function bodyOf(
  pieces: AsyncGenerator<Uint8Array, number>,
): Promise<{ whole: Buffer; lastChunk: number } | Readable> {
  const head: Uint8Array[] = [];
  let bytes = 0;
  for (;;) {
    const next = await pieces.next();
    if (next.done) return { whole: Buffer.concat(head), lastChunk: next.value };
    head.push(next.value);
    bytes += next.value.length;
    if (bytes > wholeCatalogueBytes) return Readable.from(startingWith(head, pieces));
  }
}

/** `GET /api/products-full`: every product with its stock (streamed when large), from paged upstream calls. */
export const catalogueRoute = defineRoute<
  CatalogueRouteDeps,
  unknown,
  z.infer<typeof catalogueQuery>
>({
  method: "GET",
  path: "/api/products-full",
  operationId: "listMergedProducts",
  summary: "Every product with its stock, from upstream calls that never grow per product",
  tag: "products",
  query: catalogueQuery,
  response: {
    status: 200,
    description: "Merged products, ordered by id",
    schema: z.array(mergedProductSchema),
  },
  handle: async ({ query, requestId }, deps) => {
    const forceRefresh = query.force_refresh === "true";
    // Read before the catalogue: a whole answer is kept as valid under it, never newer.
    const generation = forceRefresh ? null : await deps.cache.generation();
    const kept =
      generation === null ? undefined : deps.wholeCatalogue.get(wholeCatalogueKey, generation);
    if (kept !== undefined) return jsonTextResponse(200, kept);
    const headers = { "x-request-id": requestId };
    const source: CatalogueSource = {
      products: (afterId, limit) =>
        deps.productService.getJson<Product[]>(
          `/products?limit=${limit}&cursor=${cursorAfter(afterId)}`,
          headers,
        ),
      stock: (first, last) =>
        deps.inventoryService.getJson<Inventory[]>(
          `/inventory?product_id_from=${first}&product_id_to=${last}`,
          headers,
        ),
    };
    const body = await bodyOf(fullCatalogue({ cache: deps.cache, source }, { forceRefresh }));
    if (body instanceof Readable)
      return { status: 200, body, headers: { "content-type": "application/json; charset=utf-8" } };
    if (generation !== null) {
      deps.wholeCatalogue.set(wholeCatalogueKey, body.whole, generation, {
        tags: keysOfCatalogue(body.lastChunk),
      });
    }
    return jsonTextResponse(200, body.whole);
  },
});
