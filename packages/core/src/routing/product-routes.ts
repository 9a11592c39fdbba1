import * as z from "zod";
import { cacheKeys, readThroughKey } from "../cache/cache-keys.ts";
import { mergedProductSchema } from "../catalogue/merged-product-schema.ts";
import type { ServiceDeps } from "../deps.ts";
import { idempotencyKeyHeader, idempotent } from "../idempotency/idempotent-handler.ts";
import { pageRequestOf } from "../paging/page-query.ts";
import {
  createProduct,
  deleteProduct,
  getProductJson,
  getProductWithStockJson,
  listProductPage,
  listProducts,
  productListCacheKey,
  updateProduct,
} from "../products/product-handlers.ts";
import {
  createProductBody,
  listProductsQuery,
  productIdParams,
  productSchema,
  updateProductBody,
} from "../products/product-schemas.ts";
import { healthRoute } from "./health-route.ts";
import { pageResponse, pageResponseHeaders } from "./page-response.ts";
import { type AnyRoute, defineRoute, jsonTextResponse } from "./route.ts";
import { type ServicePrefix, servicePaths } from "./service-paths.ts";

const { own, api } = servicePaths.productService;

const productNotFound = { status: 404, description: "No product has this id" };

function productRoutesAt(prefix: ServicePrefix<"productService">): AnyRoute<ServiceDeps>[] {
  const tag = "products";
  // Both prefixes answer the same operations, and an operationId names one: the front door's
  // /api paths get the plain name, the services' own paths the same name marked `Unprefixed`.
  const named = (operation: string) => (prefix === api ? operation : `${operation}Unprefixed`);
  // Through the ALB, /api/products/{id} reaches this service: it answers the gateway's merged view.
  const getById =
    prefix === api
      ? defineRoute({
          method: "GET",
          path: `${prefix}/:id`,
          operationId: "getMergedProduct",
          summary: "Get a product with its stock",
          tag,
          params: productIdParams,
          response: { status: 200, description: "The product", schema: mergedProductSchema },
          failures: [productNotFound],
          handle: async ({ params }, deps: ServiceDeps) =>
            jsonTextResponse(
              200,
              await getProductWithStockJson(deps, params.id),
              readThroughKey(cacheKeys.mergedProduct(params.id)),
            ),
        })
      : defineRoute({
          method: "GET",
          path: `${prefix}/:id`,
          operationId: "getProduct",
          summary: "Get a product",
          tag,
          params: productIdParams,
          response: { status: 200, description: "The product", schema: productSchema },
          failures: [productNotFound],
          handle: async ({ params }, deps: ServiceDeps) =>
            jsonTextResponse(
              200,
              await getProductJson(deps, params.id),
              readThroughKey(cacheKeys.product(params.id)),
            ),
        });

  return [
    defineRoute({
      method: "GET",
      path: prefix,
      operationId: named("listProducts"),
      summary: "List products, optionally of one category, whole or a page at a time",
      tag,
      query: listProductsQuery,
      response: {
        status: 200,
        description:
          "Products ordered by id: all of them, or one page when `limit` or `cursor` is given",
        schema: z.array(productSchema),
        headers: pageResponseHeaders,
      },
      handle: async ({ query }, deps: ServiceDeps) => {
        const filter = { category: query.category };
        const page = pageRequestOf(query);
        if (page === undefined) {
          const key = productListCacheKey(filter);
          const headers = key === undefined ? {} : readThroughKey(key);
          return { status: 200, body: await listProducts(deps, filter), headers };
        }
        return pageResponse(await listProductPage(deps, filter, page), prefix, {
          limit: page.limit,
          filters: filter,
        });
      },
    }),
    getById,
    defineRoute({
      method: "POST",
      path: prefix,
      operationId: named("createProduct"),
      summary: "Create a product",
      tag,
      body: createProductBody,
      bodyExample: {
        name: "USB-C Dock",
        price: 189.9,
        description: "Dual 4K",
        category: "Electronics",
      },
      requestHeaders: [idempotencyKeyHeader],
      response: { status: 201, description: "The created product", schema: productSchema },
      handle: idempotent("products.create", async ({ body }, deps) => ({
        status: 201,
        body: await createProduct(deps, body),
      })),
    }),
    defineRoute({
      method: "PUT",
      path: `${prefix}/:id`,
      operationId: named("updateProduct"),
      summary: "Update some fields of a product",
      tag,
      params: productIdParams,
      body: updateProductBody,
      bodyExample: { price: 179.9 },
      response: { status: 200, description: "The updated product", schema: productSchema },
      failures: [{ status: 400, description: "No fields to update" }, productNotFound],
      handle: async ({ params, body }, deps: ServiceDeps) => ({
        status: 200,
        body: await updateProduct(deps, params.id, body),
      }),
    }),
    defineRoute({
      method: "DELETE",
      path: `${prefix}/:id`,
      operationId: named("deleteProduct"),
      summary: "Delete a product and its stock row",
      tag,
      params: productIdParams,
      response: { status: 204, description: "Deleted" },
      failures: [productNotFound],
      handle: async ({ params }, deps: ServiceDeps) => {
        await deleteProduct(deps, params.id);
        return { status: 204 };
      },
    }),
  ];
}

/** The product service answers both prefixes, so the ALB may send either (CONTRACT.md §1). */
export const productServiceRoutes: AnyRoute<ServiceDeps>[] = [
  healthRoute<ServiceDeps>("product-service"),
  ...productRoutesAt(own),
  ...productRoutesAt(api),
];
