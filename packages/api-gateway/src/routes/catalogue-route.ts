import {
  type Cache,
  type CatalogueSource,
  defineRoute,
  getFullCatalogue,
  type Inventory,
  jsonTextResponse,
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
    .describe("`true` rebuilds the answer from the services instead of the gateway's copy"),
});

/** `GET /api/products-full`: every product with its stock, from two upstream calls in all. */
export const catalogueRoute = defineRoute<
  CatalogueRouteDeps,
  unknown,
  z.infer<typeof catalogueQuery>
>({
  method: "GET",
  path: "/api/products-full",
  operationId: "listMergedProducts",
  summary: "Every product with its stock, from two upstream calls whatever the catalogue size",
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
      products: () => deps.productService.getJson<Product[]>("/products", headers),
      inventory: () => deps.inventoryService.getJson<Inventory[]>("/inventory", headers),
    };
    const catalogue = await getFullCatalogue(
      { cache: deps.cache, source },
      { forceRefresh: query.force_refresh === "true" },
    );
    // Already JSON text: the cached copy is sent as it is.
    return jsonTextResponse(200, catalogue);
  },
});
