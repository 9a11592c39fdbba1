import { buildServiceApp, type OpenStores } from "@stockwiz/adapters";
import {
  deliverStockEvents,
  expireLapsedReservations,
  inventoryServiceRoutes,
  productServiceRoutes,
  type ServiceDeps,
  type StockEvent,
  type StockEventSink,
} from "@stockwiz/core";
import type { FastifyInstance } from "fastify";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestStores, silentLogger, storeKinds } from "../kit/stores/test-stores.ts";

// Issue 17: a level's crossings of its product's low-stock threshold are written in the
// outbox (stock_events) in the transaction that changes the level, and delivered after commit.

/** A sink that keeps what it accepted, in order. */
function recordingSink(): StockEventSink & { accepted: StockEvent[] } {
  const accepted: StockEvent[] = [];
  return {
    accepted,
    send: async (event) => {
      accepted.push(event);
    },
  };
}

describe.each(storeKinds)("stock events on %s", (kind) => {
  let stores: OpenStores;
  let deps: ServiceDeps;
  let inventory: FastifyInstance;
  let products: FastifyInstance;
  // The clock the handlers see; a test moves it past a reservation's expiry.
  let clockOffsetMs = 0;

  beforeAll(async () => {
    stores = await openTestStores(kind);
    deps = { ...stores.deps, clock: () => new Date(Date.now() + clockOffsetMs) };
    inventory = await buildServiceApp(inventoryServiceRoutes, deps, silentLogger);
    products = await buildServiceApp(productServiceRoutes, deps, silentLogger);
  });
  afterAll(async () => {
    await inventory.close();
    await products.close();
    await stores.close();
  });

  const send = async (app: FastifyInstance, method: "POST" | "PUT", url: string, body: unknown) => {
    const response = await app.inject({ method, url, payload: body as object });
    return { status: response.statusCode, body: response.json() };
  };

  /** A product with an empty stock row at location 1 and the given threshold. */
  async function stockedProduct(threshold: number) {
    const product = await send(products, "POST", "/products", { name: "Event item", price: 1 });
    const row = await send(inventory, "POST", "/inventory", {
      product_id: product.body.id,
      quantity: 0,
      warehouse: "Warehouse A",
    });
    const set = await send(inventory, "PUT", `/inventory/${row.body.id}/low-stock-threshold`, {
      low_stock_threshold: threshold,
    });
    expect(set.status).toBe(200);
    return { productId: product.body.id as number, inventoryId: row.body.id as number };
  }

  const adjust = (productId: number, delta: number) =>
    send(inventory, "POST", "/inventory/levels/adjust", {
      product_id: productId,
      location_id: 1,
      delta,
    });

  const eventsOf = async (productId: number) =>
    deps.db
      .selectFrom("stock_events")
      .select(["kind", "sequence", "available_before", "available_after", "delivered_at"])
      .where("product_id", "=", productId)
      .orderBy("sequence")
      .execute();

  it("when available crosses the threshold, reaches 0 and comes back then only those changes are events, in sequence", async () => {
    const { productId } = await stockedProduct(5);

    for (const delta of [20, -3, -13, -2, -2, 1, 9, 4]) {
      expect((await adjust(productId, delta)).status).toBe(200);
    }

    // 0 → 20 → 17 → 4 → 2 → 0 → 1 → 10 → 14
    expect(await eventsOf(productId)).toEqual([
      {
        kind: "restocked",
        sequence: 1,
        available_before: 0,
        available_after: 20,
        delivered_at: null,
      },
      { kind: "low", sequence: 2, available_before: 17, available_after: 4, delivered_at: null },
      { kind: "out", sequence: 3, available_before: 2, available_after: 0, delivered_at: null },
      { kind: "low", sequence: 4, available_before: 0, available_after: 1, delivered_at: null },
      {
        kind: "restocked",
        sequence: 5,
        available_before: 1,
        available_after: 10,
        delivered_at: null,
      },
    ]);
  });

  it("when the legacy adjust (one statement, past the level helpers) and a transfer cross the threshold then they are events too", async () => {
    const { productId, inventoryId } = await stockedProduct(5);
    await adjust(productId, 8);

    const sold = await send(inventory, "POST", `/inventory/${inventoryId}/adjust`, { delta: -8 });
    expect(sold.status).toBe(200);
    await adjust(productId, 20);
    const moved = await send(inventory, "POST", "/inventory/transfers", {
      product_id: productId,
      from_location_id: 1,
      to_location_id: 2,
      quantity: 17,
    });
    expect(moved.status).toBe(201);

    const events = await deps.db
      .selectFrom("stock_events")
      .select(["location_id", "kind", "available_after"])
      .where("product_id", "=", productId)
      .orderBy("id")
      .execute();
    expect(events).toEqual([
      { location_id: 1, kind: "restocked", available_after: 8 },
      { location_id: 1, kind: "out", available_after: 0 },
      { location_id: 1, kind: "restocked", available_after: 20 },
      { location_id: 1, kind: "low", available_after: 3 },
      { location_id: 2, kind: "restocked", available_after: 17 },
    ]);
  });

  it("when a transaction that emptied a level rolls back then no event is left of it", async () => {
    const { productId } = await stockedProduct(5);
    await adjust(productId, 8);
    const before = await eventsOf(productId);

    await expect(
      deps.db.transaction().execute(async (trx) => {
        await sql`UPDATE stock_levels SET on_hand = 0 WHERE product_id = ${productId}`.execute(trx);
        throw new Error("rolled back on purpose");
      }),
    ).rejects.toThrow("rolled back on purpose");

    expect(await eventsOf(productId)).toEqual(before);
  });

  it("when a reservation holds the last units and then lapses then the sweep's let-go is a restocked event", async () => {
    const { productId } = await stockedProduct(2);
    await adjust(productId, 6);
    const reservation = await send(inventory, "POST", "/inventory/reservations", {
      items: [{ product_id: productId, quantity: 6, location_id: 1 }],
      expires_in_seconds: 60,
    });
    expect(reservation.status).toBe(201);

    clockOffsetMs += 61_000;
    await expireLapsedReservations(deps);

    expect((await eventsOf(productId)).map(({ kind }) => kind)).toEqual([
      "restocked",
      "out",
      "restocked",
    ]);
  });

  it("when the delivery loop runs then it sends each undelivered event once, in sequence, and marks it", async () => {
    const { productId } = await stockedProduct(3);
    for (const delta of [5, -3, -2]) await adjust(productId, delta);
    const sink = recordingSink();

    while ((await deliverStockEvents(deps, sink)) > 0) {}

    const mine = sink.accepted.filter((event) => event.product_id === productId);
    expect(mine.map(({ kind, sequence }) => [kind, sequence])).toEqual([
      ["restocked", 1],
      ["low", 2],
      ["out", 3],
    ]);
    expect((await eventsOf(productId)).every((event) => event.delivered_at !== null)).toBe(true);
    expect(await deliverStockEvents(deps, sink)).toBe(0);
  });

  it("when the sink refuses an event then it and its level's later events wait for the next run", async () => {
    const { productId } = await stockedProduct(3);
    for (const delta of [5, -3, -2]) await adjust(productId, delta);
    const accepted: StockEvent[] = [];
    const refusingLow: StockEventSink = {
      send: async (event) => {
        if (event.product_id === productId && event.kind === "low") throw new Error("topic down");
        accepted.push(event);
      },
    };

    await expect(deliverStockEvents(deps, refusingLow)).rejects.toThrow("topic down");
    const sink = recordingSink();
    while ((await deliverStockEvents(deps, sink)) > 0) {}

    expect(
      accepted.filter((event) => event.product_id === productId).map((e) => e.sequence),
    ).toEqual([1]);
    expect(
      sink.accepted.filter((event) => event.product_id === productId).map((e) => e.sequence),
    ).toEqual([2, 3]);
  });

  it("when the events route is asked then it answers newest first, and after a cursor only newer ones", async () => {
    const { productId } = await stockedProduct(3);
    await adjust(productId, 5);
    const first = await inventory.inject({ method: "GET", url: "/inventory/events?limit=1" });
    const cursor = first.json()[0].id as string;
    await adjust(productId, -5);

    const newer = await inventory.inject({
      method: "GET",
      url: `/api/inventory/events?after=${cursor}`,
    });

    expect(first.statusCode).toBe(200);
    expect(first.headers["cache-control"]).toBe("no-store");
    expect(newer.json()).toMatchObject([{ product_id: productId, kind: "out", sequence: 2 }]);
  });

  it("when a reader catches up after a cursor in small pages then it reads every newer event once", async () => {
    const { productId } = await stockedProduct(3);
    const start = await inventory.inject({ method: "GET", url: "/inventory/events?limit=1" });
    let cursor = (start.json()[0]?.id as string | undefined) ?? "0";
    for (const delta of [5, -5, 2, -2]) await adjust(productId, delta);

    const read: number[] = [];
    for (;;) {
      const page = await inventory.inject({
        method: "GET",
        url: `/inventory/events?after=${cursor}&limit=2`,
      });
      const events = page.json() as { id: string; product_id: number; sequence: number }[];
      if (events.length === 0) break;
      read.push(
        ...events
          .filter((e) => e.product_id === productId)
          .map((e) => e.sequence)
          .reverse(),
      );
      cursor = events[0]?.id ?? cursor;
    }

    expect(read).toEqual([1, 2, 3, 4]);
  });

  it("when a threshold is negative or its stock row unknown then it is refused", async () => {
    const { inventoryId } = await stockedProduct(3);
    const url = `/inventory/${inventoryId}/low-stock-threshold`;

    expect((await send(inventory, "PUT", url, { low_stock_threshold: -1 })).status).toBe(422);
    expect(
      (
        await send(inventory, "PUT", "/inventory/999999/low-stock-threshold", {
          low_stock_threshold: 1,
        })
      ).status,
    ).toBe(404);
  });
});
