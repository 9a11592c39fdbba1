import { z } from "zod";
import type { ServiceDeps } from "../deps.ts";
import {
  createInventory,
  deleteInventory,
  getInventory,
  getInventoryByProduct,
  listInventory,
  updateInventory,
} from "../inventory/inventory-handlers.ts";
import {
  createInventoryBody,
  inventoryIdParams,
  inventoryProductParams,
  inventorySchema,
  updateInventoryBody,
} from "../inventory/inventory-schemas.ts";
import { healthRoute } from "./health-route.ts";
import { type AnyRoute, defineRoute } from "./route.ts";

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
      handle: async ({ params }, deps: ServiceDeps) => ({
        status: 200,
        body: await getInventoryByProduct(deps, params.product_id),
      }),
    }),
    defineRoute({
      method: "GET",
      path: `${prefix}/:id`,
      summary: "Get a stock row",
      tag,
      params: inventoryIdParams,
      response: { status: 200, description: "The stock row", schema: inventorySchema },
      handle: async ({ params }, deps: ServiceDeps) => ({
        status: 200,
        body: await getInventory(deps, params.id),
      }),
    }),
    defineRoute({
      method: "POST",
      path: prefix,
      summary: "Create the stock row of a product",
      tag,
      body: createInventoryBody,
      response: { status: 201, description: "The created stock row", schema: inventorySchema },
      handle: async ({ body }, deps: ServiceDeps) => ({
        status: 201,
        body: await createInventory(deps, body),
      }),
    }),
    defineRoute({
      method: "PUT",
      path: `${prefix}/:id`,
      summary: "Set the quantity or warehouse of a stock row",
      tag,
      params: inventoryIdParams,
      body: updateInventoryBody,
      response: { status: 200, description: "The updated stock row", schema: inventorySchema },
      handle: async ({ params, body }, deps: ServiceDeps) => ({
        status: 200,
        body: await updateInventory(deps, params.id, body),
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
