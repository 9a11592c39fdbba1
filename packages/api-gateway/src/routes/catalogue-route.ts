import { Readable } from "node:stream";
import {
  type Cache,
  type CatalogueSource,
  cursorAfter,
  defineRoute,
  fullCatalogue,
  type Inventory,
  mergedProductSchema,
  type Product,
} from "@stockwiz/core";
import * as z from "zod";
import type { UpstreamService } from "../upstream/upstream-service.ts";

export interface CatalogueRouteDeps {
  cache: Cache;
  productService: UpstreamService;
  inventoryService: UpstreamService;
}

export const catalogueQuery = z.object({
  force_refresh: z
    .enum(["true", "false"])
    .optional()
    .describe("`true` rebuilds the answer from the services instead of the cached chunks"),
});

// Delegating with yield* also stops the rest when the client goes away (return() is passed on).
async function* startingWith(first: string, rest: AsyncGenerator<string>): AsyncGenerator<string> {
  yield first;
  yield* rest;
}

// Up to this size the answer goes out as one JSON text with its length: a stream costs a write
// per piece and chunked framing, which doubled the CPU of a warm read of a small catalogue.
// Past it, what was read goes first and the rest streams, so memory stays flat at any size.
const wholeUpToChars = 64 * 1024;

/**
 * The answer's body from the catalogue's pieces, at least the first read before answering: a
 * service that cannot be read is a 502, not a 200 cut short (a failure later can only cut the
 * stream, which no client takes for JSON).
 */
async function bodyOf(pieces: AsyncGenerator<string>): Promise<string | Readable> {
  const head: string[] = [];
  let chars = 0;
  for (;;) {
    const next = await pieces.next();
    if (next.done) return head.join("");
    head.push(next.value);
    chars += next.value.length;
    if (chars > wholeUpToChars) return Readable.from(startingWith(head.join(""), pieces));
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
    const pieces = fullCatalogue(
      { cache: deps.cache, source },
      { forceRefresh: query.force_refresh === "true" },
    );
    return {
      status: 200,
      body: await bodyOf(pieces),
      headers: { "content-type": "application/json; charset=utf-8" },
    };
  },
});
