import * as z from "zod";
import type { ServiceDeps } from "../deps.ts";
import { inventoryIdParams } from "../inventory/inventory-schemas.ts";
import { listStockEvents, setLowStockThreshold } from "../stock-events/stock-event-handlers.ts";
import {
  lowStockThresholdBody,
  lowStockThresholdSchema,
  stockEventQuery,
  stockEventSchema,
} from "../stock-events/stock-event-schemas.ts";
import { type AnyRoute, defineRoute } from "./route.ts";

/** Stock events (issue 17): the outbox for the dashboard, and the threshold that drives it. */
export function stockEventRoutesAt(
  prefix: string,
  named: (operation: string) => string,
): AnyRoute<ServiceDeps>[] {
  const tag = "stock events";
  return [
    defineRoute({
      method: "GET",
      path: `${prefix}/events`,
      operationId: named("listStockEvents"),
      summary: "Levels that ran low, ran out or were restocked, newest first",
      tag,
      query: stockEventQuery,
      response: {
        status: 200,
        description: "Stock events, newest first",
        schema: z.array(stockEventSchema),
      },
      // A new event appears without any write a cache would hear of: never kept.
      handle: async ({ query }, deps: ServiceDeps) => ({
        status: 200,
        body: await listStockEvents(deps, query),
        headers: { "cache-control": "no-store" },
      }),
    }),
    defineRoute({
      method: "PUT",
      path: `${prefix}/:id/low-stock-threshold`,
      operationId: named("updateLowStockThreshold"),
      summary: "Set the product's low-stock threshold (default 10) on its stock row",
      tag,
      params: inventoryIdParams,
      body: lowStockThresholdBody,
      bodyExample: { low_stock_threshold: 25 },
      response: {
        status: 200,
        description: "The stock row's threshold",
        schema: lowStockThresholdSchema,
      },
      failures: [{ status: 404, description: "No stock row has this id" }],
      handle: async ({ params, body }, deps: ServiceDeps) => ({
        status: 200,
        body: await setLowStockThreshold(deps, params.id, body.low_stock_threshold),
      }),
    }),
  ];
}
