import * as z from "zod";
import { cacheKeys, readThroughKey } from "../cache/cache-keys.ts";
import type { ServiceDeps } from "../deps.ts";
import { idempotencyKeyHeader, idempotent } from "../idempotency/idempotent-handler.ts";
import { entityTagOf, ifMatchHeader, versionFromIfMatch } from "../inventory/entity-tag.ts";
import {
  adjustInventory,
  createInventory,
  deleteInventory,
  getInventory,
  getInventoryByProduct,
  inventoryListCacheKey,
  listInventory,
  listInventoryPage,
  listMovements,
  updateInventory,
} from "../inventory/inventory-handlers.ts";
import {
  adjustInventoryBody,
  createInventoryBody,
  type Inventory,
  inventoryIdParams,
  inventoryProductParams,
  inventorySchema,
  listInventoryQuery,
  updateInventoryBody,
} from "../inventory/inventory-schemas.ts";
import { stockMovementSchema } from "../movements/movement-schemas.ts";
import { pageRequestOf } from "../paging/page-query.ts";
import { healthRoute } from "./health-route.ts";
import { pageResponse, pageResponseHeaders } from "./page-response.ts";
import { type AnyRoute, defineRoute } from "./route.ts";
import { type ServicePrefix, servicePaths } from "./service-paths.ts";
import { stockEventRoutesAt } from "./stock-event-routes.ts";
import { stockLocationRoutesAt } from "./stock-location-routes.ts";

/** A stock row answer carries its version as ETag, for the next If-Match. */
const withEntityTag = (status: number, row: Inventory, headers: Record<string, string> = {}) => ({
  status,
  body: row,
  headers: { etag: entityTagOf(row.version), ...headers },
});

const rowNotFound = { status: 404, description: "No stock row has this id" };

const { own, api } = servicePaths.inventoryService;

function inventoryRoutesAt(prefix: ServicePrefix<"inventoryService">): AnyRoute<ServiceDeps>[] {
  const tag = "inventory";
  // As for products: the /api paths get the plain name, the service's own paths `Unprefixed`.
  const named = (operation: string) => (prefix === api ? operation : `${operation}Unprefixed`);
  return [
    ...stockLocationRoutesAt(prefix, named),
    ...stockEventRoutesAt(prefix, named),
    defineRoute({
      method: "GET",
      path: prefix,
      operationId: named("listStockRows"),
      summary: "List stock rows, whole or a page at a time",
      tag,
      query: listInventoryQuery,
      response: {
        status: 200,
        description:
          "Stock rows ordered by id: all of them, or one page when `limit` or `cursor` is given",
        schema: z.array(inventorySchema),
        headers: pageResponseHeaders,
      },
      handle: async ({ query }, deps: ServiceDeps) => {
        const filter = {
          product_id_from: query.product_id_from,
          product_id_to: query.product_id_to,
        };
        const page = pageRequestOf(query);
        if (page === undefined) {
          const key = inventoryListCacheKey(filter);
          const headers = key === undefined ? {} : readThroughKey(key);
          return { status: 200, body: await listInventory(deps, filter), headers };
        }
        return pageResponse(await listInventoryPage(deps, filter, page), prefix, {
          limit: page.limit,
          filters: {
            product_id_from: filter.product_id_from?.toString(),
            product_id_to: filter.product_id_to?.toString(),
          },
        });
      },
    }),
    defineRoute({
      method: "GET",
      path: `${prefix}/product/:product_id`,
      operationId: named("getStockRowOfProduct"),
      summary: "Get the stock row of a product",
      tag,
      params: inventoryProductParams,
      response: { status: 200, description: "The stock row", schema: inventorySchema },
      failures: [{ status: 404, description: "The product has no stock row" }],
      handle: async ({ params }, deps: ServiceDeps) =>
        withEntityTag(
          200,
          await getInventoryByProduct(deps, params.product_id),
          readThroughKey(cacheKeys.inventoryByProduct(params.product_id)),
        ),
    }),
    defineRoute({
      method: "GET",
      path: `${prefix}/:id`,
      operationId: named("getStockRow"),
      summary: "Get a stock row",
      tag,
      params: inventoryIdParams,
      response: { status: 200, description: "The stock row", schema: inventorySchema },
      failures: [rowNotFound],
      handle: async ({ params }, deps: ServiceDeps) =>
        withEntityTag(
          200,
          await getInventory(deps, params.id),
          readThroughKey(cacheKeys.inventory(params.id)),
        ),
    }),
    defineRoute({
      method: "POST",
      path: prefix,
      operationId: named("createStockRow"),
      summary: "Create the stock row of a product",
      tag,
      body: createInventoryBody,
      bodyExample: { product_id: 1, quantity: 25, warehouse: "Warehouse A" },
      requestHeaders: [idempotencyKeyHeader],
      response: { status: 201, description: "The created stock row", schema: inventorySchema },
      failures: [
        { status: 409, description: "The product already has a stock row" },
        { status: 422, description: "No product has this product_id" },
      ],
      handle: idempotent("inventory.create", async ({ body, requestId }, deps) =>
        withEntityTag(201, await createInventory(deps, body, { requestId })),
      ),
    }),
    defineRoute({
      method: "PUT",
      path: `${prefix}/:id`,
      operationId: named("updateStockRow"),
      summary: "Set the quantity or warehouse of a stock row (compare-and-set with If-Match)",
      tag,
      params: inventoryIdParams,
      body: updateInventoryBody,
      bodyExample: { quantity: 40, warehouse: "Warehouse B" },
      requestHeaders: [ifMatchHeader],
      response: { status: 200, description: "The updated stock row", schema: inventorySchema },
      failures: [
        { status: 400, description: "No fields to update" },
        rowNotFound,
        {
          status: 409,
          description:
            "The product is stocked in several locations (`location_required`), or the quantity is below the units reserved (`insufficient_stock`)",
        },
      ],
      handle: async ({ params, body, headers, requestId }, deps: ServiceDeps) => {
        const expectedVersion = versionFromIfMatch(headers["if-match"]);
        const row = await updateInventory(deps, params.id, body, { requestId, expectedVersion });
        return withEntityTag(200, row);
      },
    }),
    defineRoute({
      method: "POST",
      path: `${prefix}/:id/adjust`,
      operationId: named("adjustStock"),
      summary: "Add or remove units atomically; never below zero",
      tag,
      params: inventoryIdParams,
      body: adjustInventoryBody,
      bodyExample: { delta: -3, reason: "order 1042" },
      requestHeaders: [idempotencyKeyHeader],
      response: { status: 200, description: "The adjusted stock row", schema: inventorySchema },
      failures: [
        rowNotFound,
        {
          status: 409,
          description:
            "Fewer units available than the delta removes (`insufficient_stock`), or the product is stocked in several locations and no location_id was given (`location_required`)",
        },
        { status: 422, description: "No location has this location_id" },
      ],
      handle: idempotent("inventory.adjust", async ({ params, body, requestId }, deps) =>
        withEntityTag(200, await adjustInventory(deps, params.id, body, { requestId })),
      ),
    }),
    defineRoute({
      method: "GET",
      path: `${prefix}/:id/movements`,
      operationId: named("listStockMovements"),
      summary: "The ledger of a stock row: every change with its reason",
      tag,
      params: inventoryIdParams,
      response: {
        status: 200,
        description: "Movements, oldest first; their deltas sum to the quantity",
        schema: z.array(stockMovementSchema),
      },
      failures: [rowNotFound],
      handle: async ({ params }, deps: ServiceDeps) => ({
        status: 200,
        body: await listMovements(deps, params.id),
      }),
    }),
    defineRoute({
      method: "DELETE",
      path: `${prefix}/:id`,
      operationId: named("deleteStockRow"),
      summary: "Delete a stock row",
      tag,
      params: inventoryIdParams,
      response: { status: 204, description: "Deleted" },
      failures: [rowNotFound],
      handle: async ({ params }, deps: ServiceDeps) => {
        await deleteInventory(deps, params.id);
        return { status: 204 };
      },
    }),
  ];
}

/** The inventory service answers both prefixes, so the ALB may send either (CONTRACT.md §1). */
export const inventoryServiceRoutes: AnyRoute<ServiceDeps>[] = [
  healthRoute<ServiceDeps>("inventory-service"),
  ...inventoryRoutesAt(own),
  ...inventoryRoutesAt(api),
];
