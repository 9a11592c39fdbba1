import {
  keysStaledByProductCreation,
  keysStaledByProductWrite,
} from "../cache/cache-invalidation.ts";
import { cacheKeys, cacheTtl } from "../cache/cache-keys.ts";
import { readThrough, readThroughJson } from "../cache/read-through.ts";
import { selectMergedProduct } from "../catalogue/catalogue-queries.ts";
import type { ServiceDeps } from "../deps.ts";
import { badRequest, notFound } from "../errors/app-error.ts";
import type { Page } from "../paging/keyset-page.ts";
import type { PageRequest } from "../paging/page-query.ts";
import {
  deleteProductRow,
  insertProduct,
  selectProduct,
  selectProductPage,
  selectProducts,
  updateProductRow,
} from "./product-queries.ts";
import type { CreateProduct, Product, ProductChanges } from "./product-schemas.ts";

const productNotFound = () => notFound("Product not found");

/**
 * The key a product list is cached under, if it is. Category lists are not: one key per
 * category could not be cleared by a write.
 */
export const productListCacheKey = (filter: { category?: string }): string | undefined =>
  filter.category === undefined ? cacheKeys.productList() : undefined;

export async function listProducts(
  { db, cache }: ServiceDeps,
  filter: { category?: string },
): Promise<Product[]> {
  const key = productListCacheKey(filter);
  if (key === undefined) return selectProducts(db, filter);
  const products = await readThrough(cache, key, cacheTtl.list, () => selectProducts(db, {}));
  return products ?? [];
}

/** One page of products. Not cached: a write could not name every page it makes stale. */
export async function listProductPage(
  { db }: ServiceDeps,
  filter: { category?: string },
  page: PageRequest,
): Promise<Page<Product>> {
  return selectProductPage(db, filter, page);
}

// The reads by id answer JSON text: the cached text goes out as it is, never parsed and
// written out again (about a third of the product service's CPU per read in the profile).

/** A product as JSON text (a `Product`). */
export async function getProductJson({ db, cache }: ServiceDeps, id: number): Promise<string> {
  const product = await readThroughJson(cache, cacheKeys.product(id), cacheTtl.entity, () =>
    selectProduct(db, id),
  );
  if (product === undefined) throw productNotFound();
  return product;
}

/** A product with its stock as JSON text (a `MergedProduct`). */
export async function getProductWithStockJson(
  { db, cache }: ServiceDeps,
  id: number,
): Promise<string> {
  const merged = await readThroughJson(cache, cacheKeys.mergedProduct(id), cacheTtl.entity, () =>
    selectMergedProduct(db, id),
  );
  if (merged === undefined) throw productNotFound();
  return merged;
}

export async function createProduct(
  { db, cache }: ServiceDeps,
  input: CreateProduct,
): Promise<Product> {
  const product = await insertProduct(db, input);
  await cache.invalidate(keysStaledByProductCreation(product.id));
  return product;
}

export async function updateProduct(
  { db, cache, clock }: ServiceDeps,
  id: number,
  changes: ProductChanges,
): Promise<Product> {
  if (Object.values(changes).every((value) => value === undefined)) {
    throw badRequest("No fields to update");
  }
  const product = await updateProductRow(db, id, changes, clock());
  if (product === undefined) throw productNotFound();
  await cache.invalidate(keysStaledByProductWrite(id));
  return product;
}

export async function deleteProduct({ db, cache }: ServiceDeps, id: number): Promise<void> {
  // One statement: the delete and the cascade commit together, before the keys are cleared.
  const { deleted, inventoryId } = await deleteProductRow(db, id);
  if (!deleted) throw productNotFound();
  await cache.invalidate(keysStaledByProductWrite(id, inventoryId));
}
