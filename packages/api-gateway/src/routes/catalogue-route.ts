import {
  type Cache,
  type CatalogueSource,
  getFullCatalogue,
  type Inventory,
  type Product,
} from "@stockwiz/core";
import type { FastifyInstance } from "fastify";
import type { UpstreamService } from "../upstream/upstream-service.ts";

export interface CatalogueRouteDeps {
  cache: Cache;
  productService: UpstreamService;
  inventoryService: UpstreamService;
}

/** `GET /api/products-full`: every product with its stock, from two upstream calls in all. */
export function catalogueRoute(deps: CatalogueRouteDeps) {
  return async function catalogue(app: FastifyInstance): Promise<void> {
    app.get<{ Querystring: { force_refresh?: string } }>(
      "/api/products-full",
      async (request, reply) => {
        const headers = { "x-request-id": request.id };
        const source: CatalogueSource = {
          products: () => deps.productService.getJson<Product[]>("/products", headers),
          inventory: () => deps.inventoryService.getJson<Inventory[]>("/inventory", headers),
        };
        const catalogue = await getFullCatalogue(
          { cache: deps.cache, source },
          { forceRefresh: request.query.force_refresh === "true" },
        );
        return reply.type("application/json; charset=utf-8").send(catalogue);
      },
    );
  };
}
