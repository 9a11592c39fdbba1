import type { Cache } from "../cache/cache.ts";
import { cacheKeys, cacheTtl } from "../cache/cache-keys.ts";
import { readThroughJson } from "../cache/read-through.ts";
import type { Inventory } from "../inventory/inventory-schemas.ts";
import type { Product } from "../products/product-schemas.ts";
import { mergeCatalogue } from "./merge-product-with-stock.ts";

/** Where the full listings come from: the services over HTTP in the gateway, anything in tests. */
export interface CatalogueSource {
  products(): Promise<Product[]>;
  inventory(): Promise<Inventory[]>;
}

/**
 * Every product with its stock (a JSON array of merged products), from exactly two listings
 * whatever the catalogue size (legacy asked the inventory service once per product).
 * `forceRefresh` skips the cached copy. The JSON text is what is cached and what is sent: a
 * large catalogue is written out once, not parsed back and serialized again per answer.
 */
export async function getFullCatalogue(
  deps: { cache: Cache; source: CatalogueSource },
  options: { forceRefresh: boolean },
): Promise<string> {
  const load = async () => {
    const [products, stock] = await Promise.all([deps.source.products(), deps.source.inventory()]);
    return mergeCatalogue(products, stock);
  };
  const catalogue = await readThroughJson(
    deps.cache,
    cacheKeys.catalogue(),
    cacheTtl.catalogue,
    load,
    { refresh: options.forceRefresh },
  );
  return catalogue ?? "[]";
}
