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

/** `GET /api/products-full`: every product with its stock, streamed, from paged upstream calls. */
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
    // The first piece is read before answering: a service that cannot be read is a 502, not
    // a 200 cut short. A failure later can only cut the stream, which no client takes for JSON.
    const first = await pieces.next();
    return {
      status: 200,
      body: Readable.from(first.done ? [] : startingWith(first.value, pieces)),
      headers: { "content-type": "application/json; charset=utf-8" },
    };
  },
});
