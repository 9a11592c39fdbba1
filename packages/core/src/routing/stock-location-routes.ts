import * as z from "zod";
import type { ServiceDeps } from "../deps.ts";
import { idempotencyKeyHeader, idempotent } from "../idempotency/idempotent-handler.ts";
import { adjustLevel, listLevels } from "../levels/level-handlers.ts";
import { levelAdjustBody, levelQuery, levelSchema } from "../levels/level-schemas.ts";
import { transferStock } from "../levels/transfer-handler.ts";
import { transferBody, transferSchema } from "../levels/transfer-schemas.ts";
import {
  createLocation,
  deleteLocation,
  listLocations,
  updateLocation,
} from "../locations/location-handlers.ts";
import { locationBody, locationIdParams, locationSchema } from "../locations/location-schemas.ts";
import {
  commitReservation,
  createReservation,
  getReservation,
  listReservations,
  releaseReservation,
} from "../reservations/reservation-handlers.ts";
import {
  createReservationBody,
  reservationIdParams,
  reservationQuery,
  reservationSchema,
} from "../reservations/reservation-schemas.ts";
import { type AnyRoute, defineRoute } from "./route.ts";

/**
 * What held units look like changes at expires_at without any write, so these answers are
 * never kept by a cache or the gateway's copies.
 */
const timeDependent = (status: number, body: unknown) => ({
  status,
  body,
  headers: { "cache-control": "no-store" },
});

const locationNotFound = { status: 404, description: "No location has this id" };
const nameTaken = { status: 409, description: "Another location has this name" };
const insufficient = {
  status: 409,
  description: "Not enough available units (`insufficient_stock`); `errors` names the short items",
};
const reservationNotFound = { status: 404, description: "No reservation has this id" };

/** Stock by location, reservations and transfers (CONTRACT.md §9), under one service prefix. */
export function stockLocationRoutesAt(
  prefix: string,
  named: (operation: string) => string,
): AnyRoute<ServiceDeps>[] {
  const tag = "stock by location";
  return [
    defineRoute({
      method: "GET",
      path: `${prefix}/locations`,
      operationId: named("listLocations"),
      summary: "List the locations that hold stock",
      tag,
      response: {
        status: 200,
        description: "Locations ordered by id",
        schema: z.array(locationSchema),
      },
      handle: async (_request, deps: ServiceDeps) => ({
        status: 200,
        body: await listLocations(deps),
      }),
    }),
    defineRoute({
      method: "POST",
      path: `${prefix}/locations`,
      operationId: named("createLocation"),
      summary: "Create a location",
      tag,
      body: locationBody,
      bodyExample: { name: "Warehouse C" },
      requestHeaders: [idempotencyKeyHeader],
      response: { status: 201, description: "The created location", schema: locationSchema },
      failures: [nameTaken],
      handle: idempotent("locations.create", async ({ body }, deps) => ({
        status: 201,
        body: await createLocation(deps, body),
      })),
    }),
    defineRoute({
      method: "PUT",
      path: `${prefix}/locations/:id`,
      operationId: named("updateLocation"),
      summary: "Rename a location (stock rows of its products show the new name)",
      tag,
      params: locationIdParams,
      body: locationBody,
      bodyExample: { name: "Warehouse North" },
      response: { status: 200, description: "The renamed location", schema: locationSchema },
      failures: [locationNotFound, nameTaken],
      handle: async ({ params, body }, deps: ServiceDeps) => ({
        status: 200,
        body: await updateLocation(deps, params.id, body),
      }),
    }),
    defineRoute({
      method: "DELETE",
      path: `${prefix}/locations/:id`,
      operationId: named("deleteLocation"),
      summary: "Delete a location that holds no units and no reservations",
      tag,
      params: locationIdParams,
      response: { status: 204, description: "Deleted" },
      failures: [
        locationNotFound,
        { status: 409, description: "The location holds on-hand units or reservations" },
      ],
      handle: async ({ params }, deps: ServiceDeps) => {
        await deleteLocation(deps, params.id);
        return { status: 204 };
      },
    }),
    defineRoute({
      method: "GET",
      path: `${prefix}/levels`,
      operationId: named("listStockLevels"),
      summary: "Stock of each product at each location: on hand, reserved, available",
      tag,
      query: levelQuery,
      response: {
        status: 200,
        description: "Levels ordered by product, then location",
        schema: z.array(levelSchema),
      },
      handle: async ({ query }, deps: ServiceDeps) =>
        timeDependent(200, await listLevels(deps, query)),
    }),
    defineRoute({
      method: "POST",
      path: `${prefix}/levels/adjust`,
      operationId: named("adjustStockLevel"),
      summary: "Add or remove units at one location; creates the level when adding",
      tag,
      body: levelAdjustBody,
      bodyExample: { product_id: 1, location_id: 2, delta: 10, reason: "delivery 77" },
      requestHeaders: [idempotencyKeyHeader],
      response: { status: 200, description: "The adjusted level", schema: levelSchema },
      failures: [
        { status: 409, description: "Fewer units available than the delta removes" },
        { status: 422, description: "No product or no location has this id" },
      ],
      handle: idempotent("levels.adjust", async ({ body, requestId }, deps) =>
        timeDependent(200, await adjustLevel(deps, body, { requestId })),
      ),
    }),
    defineRoute({
      method: "POST",
      path: `${prefix}/transfers`,
      operationId: named("createTransfer"),
      summary: "Move available units of a product from one location to another",
      tag,
      body: transferBody,
      bodyExample: {
        product_id: 1,
        from_location_id: 1,
        to_location_id: 2,
        quantity: 5,
        reason: "rebalance",
      },
      requestHeaders: [idempotencyKeyHeader],
      response: { status: 201, description: "The transfer", schema: transferSchema },
      failures: [
        { status: 409, description: "Not enough available units at the source" },
        { status: 422, description: "Same location twice, or no product or location has this id" },
      ],
      handle: idempotent("transfers.create", async ({ body, requestId }, deps) => ({
        status: 201,
        body: await transferStock(deps, body, { requestId }),
      })),
    }),
    defineRoute({
      method: "POST",
      path: `${prefix}/reservations`,
      operationId: named("createReservation"),
      summary: "Hold units of every item, or of none",
      tag,
      body: createReservationBody,
      bodyExample: {
        items: [
          { product_id: 1, quantity: 2 },
          { product_id: 3, quantity: 1, location_id: 2 },
        ],
        expires_in_seconds: 600,
        reference: "order 1042",
      },
      requestHeaders: [idempotencyKeyHeader],
      response: { status: 201, description: "The active reservation", schema: reservationSchema },
      failures: [insufficient],
      handle: idempotent("reservations.create", async ({ body }, deps) =>
        timeDependent(201, await createReservation(deps, body)),
      ),
    }),
    defineRoute({
      method: "GET",
      path: `${prefix}/reservations`,
      operationId: named("listReservations"),
      summary: "List reservations, newest first",
      tag,
      query: reservationQuery,
      response: {
        status: 200,
        description: "Reservations, newest first",
        schema: z.array(reservationSchema),
      },
      handle: async ({ query }, deps: ServiceDeps) =>
        timeDependent(200, await listReservations(deps, query)),
    }),
    defineRoute({
      method: "GET",
      path: `${prefix}/reservations/:id`,
      operationId: named("getReservation"),
      summary: "Get a reservation",
      tag,
      params: reservationIdParams,
      response: { status: 200, description: "The reservation", schema: reservationSchema },
      failures: [reservationNotFound],
      handle: async ({ params }, deps: ServiceDeps) =>
        timeDependent(200, await getReservation(deps, params.id)),
    }),
    defineRoute({
      method: "POST",
      path: `${prefix}/reservations/:id/commit`,
      operationId: named("commitReservation"),
      summary: "The held units leave stock: on_hand and reserved fall by them",
      tag,
      params: reservationIdParams,
      requestHeaders: [idempotencyKeyHeader],
      response: {
        status: 200,
        description: "The committed reservation",
        schema: reservationSchema,
      },
      failures: [
        reservationNotFound,
        {
          status: 409,
          description:
            "The reservation expired (`reservation_expired`) or is not active (`reservation_not_active`)",
        },
      ],
      handle: idempotent("reservations.commit", async ({ params, requestId }, deps) =>
        timeDependent(200, await commitReservation(deps, params.id, { requestId })),
      ),
    }),
    defineRoute({
      method: "POST",
      path: `${prefix}/reservations/:id/release`,
      operationId: named("releaseReservation"),
      summary: "The held units are available again; releasing twice answers the same",
      tag,
      params: reservationIdParams,
      requestHeaders: [idempotencyKeyHeader],
      response: { status: 200, description: "The released reservation", schema: reservationSchema },
      failures: [
        reservationNotFound,
        { status: 409, description: "The reservation is committed or expired" },
      ],
      handle: idempotent("reservations.release", async ({ params, requestId }, deps) =>
        timeDependent(200, await releaseReservation(deps, params.id, { requestId })),
      ),
    }),
  ];
}
