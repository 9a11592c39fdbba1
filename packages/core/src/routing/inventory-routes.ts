import * as z from "zod";
import type { ServiceDeps } from "../deps.ts";
import { idempotencyKeyHeader, idempotent } from "../idempotency/idempotent-handler.ts";
import { entityTagOf, versionFromIfMatch } from "../inventory/entity-tag.ts";
import {
  adjustInventory,
  createInventory,
  deleteInventory,
  getInventory,
  getInventoryByProduct,
  listInventory,
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
  updateInventoryBody,
} from "../inventory/inventory-schemas.ts";
import { stockMovementSchema } from "../movements/movement-schemas.ts";
import { healthRoute } from "./health-route.ts";
import { type AnyRoute, defineRoute } from "./route.ts";

/** A stock row answer carries its version as ETag, for the next If-Match. */
const withEntityTag = (status: number, row: Inventory) => ({
  status,
  body: row,
  headers: { etag: entityTagOf(row.version) },
});

function inventoryRoutesAt(prefix: "/inventory" | "/api/inventory"): AnyRoute<ServiceDeps>[] {
  const tag = "inventory";
  return [
    defineRoute({
      method: "GET",
      path: prefix,
      summary: "List stock rows",
      tag,
      response: {
        status: 200,
        description: "Stock rows ordered by id",
        schema: z.array(inventorySchema),
      },
      handle: async (_request, deps: ServiceDeps) => ({
        status: 200,
        body: await listInventory(deps),
      }),
    }),
    defineRoute({
      method: "GET",
      path: `${prefix}/product/:product_id`,
      summary: "Get the stock row of a product",
      tag,
      params: inventoryProductParams,
      response: { status: 200, description: "The stock row", schema: inventorySchema },
      handle: async ({ params }, deps: ServiceDeps) =>
        withEntityTag(200, await getInventoryByProduct(deps, params.product_id)),
    }),
    defineRoute({
      method: "GET",
      path: `${prefix}/:id`,
      summary: "Get a stock row",
      tag,
      params: inventoryIdParams,
      response: { status: 200, description: "The stock row", schema: inventorySchema },
      handle: async ({ params }, deps: ServiceDeps) =>
        withEntityTag(200, await getInventory(deps, params.id)),
    }),
    defineRoute({
      method: "POST",
      path: prefix,
      summary: "Create the stock row of a product",
      tag,
      body: createInventoryBody,
      bodyExample: { product_id: 1, quantity: 25, warehouse: "Warehouse A" },
      requestHeaders: [idempotencyKeyHeader],
      response: { status: 201, description: "The created stock row", schema: inventorySchema },
      handle: idempotent("inventory.create", async ({ body, requestId }, deps) =>
        withEntityTag(201, await createInventory(deps, body, { requestId })),
      ),
    }),
    defineRoute({
      method: "PUT",
      path: `${prefix}/:id`,
      summary: "Set the quantity or warehouse of a stock row (compare-and-set with If-Match)",
      tag,
      params: inventoryIdParams,
      body: updateInventoryBody,
      bodyExample: { quantity: 40, warehouse: "Warehouse B" },
      requestHeaders: [
        {
          name: "If-Match",
          description:
            "The ETag of the row as read: the write applies only if unchanged (else 412)",
        },
      ],
      response: { status: 200, description: "The updated stock row", schema: inventorySchema },
      handle: async ({ params, body, headers, requestId }, deps: ServiceDeps) => {
        const expectedVersion = versionFromIfMatch(headers["if-match"]);
        const row = await updateInventory(deps, params.id, body, { requestId, expectedVersion });
        return withEntityTag(200, row);
      },
    }),
    defineRoute({
      method: "POST",
      path: `${prefix}/:id/adjust`,
      summary: "Add or remove units atomically; never below zero",
      tag,
      params: inventoryIdParams,
      body: adjustInventoryBody,
      bodyExample: { delta: -3, reason: "order 1042" },
      requestHeaders: [idempotencyKeyHeader],
      response: { status: 200, description: "The adjusted stock row", schema: inventorySchema },
      handle: idempotent("inventory.adjust", async ({ params, body, requestId }, deps) =>
        withEntityTag(200, await adjustInventory(deps, params.id, body, { requestId })),
      ),
    }),
    defineRoute({
      method: "GET",
      path: `${prefix}/:id/movements`,
      summary: "The ledger of a stock row: every change with its reason",
      tag,
      params: inventoryIdParams,
      response: {
        status: 200,
        description: "Movements, oldest first; their deltas sum to the quantity",
        schema: z.array(stockMovementSchema),
      },
      handle: async ({ params }, deps: ServiceDeps) => ({
        status: 200,
        body: await listMovements(deps, params.id),
      }),
    }),
    defineRoute({
      method: "DELETE",
      path: `${prefix}/:id`,
      summary: "Delete a stock row",
      tag,
      params: inventoryIdParams,
      response: { status: 204, description: "Deleted" },
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
  ...inventoryRoutesAt("/inventory"),
  ...inventoryRoutesAt("/api/inventory"),
];
