import { buildServiceApp, type OpenStores } from "@stockwiz/adapters";
import {
  expireLapsedReservations,
  inventoryServiceRoutes,
  productServiceRoutes,
  type ServiceDeps,
} from "@stockwiz/core";
import type { FastifyInstance } from "fastify";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestStores, silentLogger, storeKinds } from "../kit/stores/test-stores.ts";

// CONTRACT.md §9 through the inventory service's route tables, on PGlite and on PostgreSQL.

describe.each(storeKinds)("stock by location on %s", (kind) => {
  let stores: OpenStores;
  let deps: ServiceDeps;
  let inventory: FastifyInstance;
  let products: FastifyInstance;
  // The clock the handlers see: still unless a test moves it past a reservation's expires_at.
  let clockMs = Date.now();

  beforeAll(async () => {
    stores = await openTestStores(kind);
    deps = { ...stores.deps, clock: () => new Date(clockMs) };
    inventory = await buildServiceApp(inventoryServiceRoutes, deps, silentLogger);
    products = await buildServiceApp(productServiceRoutes, deps, silentLogger);
  });
  afterAll(async () => {
    await inventory.close();
    await products.close();
    await stores.close();
  });

  const send = (method: "POST" | "PUT" | "DELETE", url: string, body?: unknown) =>
    inventory.inject({
      method,
      url,
      ...(body === undefined
        ? {}
        : { headers: { "content-type": "application/json" }, payload: JSON.stringify(body) }),
    });
  const get = async (url: string) => (await inventory.inject(url)).json();

  async function location(name: string): Promise<number> {
    const created = await send("POST", "/inventory/locations", { name });
    expect(created.statusCode).toBe(201);
    return created.json().id;
  }

  /** A product with `quantity` units at `warehouse`, through the legacy route. */
  async function stocked(quantity: number, warehouse: string) {
    const product = await products.inject({
      method: "POST",
      url: "/products",
      headers: { "content-type": "application/json" },
      payload: JSON.stringify({ name: "Located item", price: 3 }),
    });
    const productId: number = product.json().id;
    const row = await send("POST", "/inventory", { product_id: productId, quantity, warehouse });
    expect(row.statusCode).toBe(201);
    return { productId, rowId: row.json().id as number };
  }

  const levelsOf = (productId: number) => get(`/inventory/levels?product_id=${productId}`);

  it("when the database is fresh then it has Warehouse A and B and each seed row is one level there", async () => {
    const locations = await get("/inventory/locations");
    expect(locations.slice(0, 2).map((l: { name: string }) => l.name)).toEqual([
      "Warehouse A",
      "Warehouse B",
    ]);
    const levels = await get("/api/inventory/levels?product_id=3");
    expect(levels).toEqual([
      expect.objectContaining({
        product_id: 3,
        location_id: 2,
        location: "Warehouse B",
        on_hand: 75,
        reserved: 0,
        available: 75,
      }),
    ]);
  });

  it("when units are adjusted in at a second location then the legacy row sums them and ambiguous legacy writes are refused", async () => {
    const { productId, rowId } = await stocked(10, `Dock ${kind} 1`);
    const second = await location(`Dock ${kind} 2`);

    const adjusted = await send("POST", "/inventory/levels/adjust", {
      product_id: productId,
      location_id: second,
      delta: 5,
    });
    expect(adjusted.statusCode).toBe(200);
    expect(adjusted.json()).toMatchObject({ on_hand: 5, available: 5, location_id: second });

    const row = await get(`/inventory/${rowId}`);
    expect(row).toMatchObject({ quantity: 15, warehouse: `Dock ${kind} 1` });
    const put = await send("PUT", `/inventory/${rowId}`, { quantity: 3 });
    const adjust = await send("POST", `/inventory/${rowId}/adjust`, { delta: 1 });
    for (const refused of [put, adjust]) {
      expect(refused.statusCode).toBe(409);
      expect(refused.json().type).toMatch(/location_required$/);
    }
    const named = await send("POST", `/inventory/${rowId}/adjust`, {
      delta: -2,
      location_id: second,
    });
    expect(named.json()).toMatchObject({ quantity: 13 });
  });

  it("when a transfer moves units then both levels change, the total does not, and the ledger sums per level", async () => {
    const { productId, rowId } = await stocked(8, `Transfer ${kind} 1`);
    const to = await location(`Transfer ${kind} 2`);
    const [from] = await levelsOf(productId);

    const transfer = await send("POST", "/inventory/transfers", {
      product_id: productId,
      from_location_id: from.location_id,
      to_location_id: to,
      quantity: 6,
    });
    expect(transfer.statusCode).toBe(201);
    const tooMany = await send("POST", "/inventory/transfers", {
      product_id: productId,
      from_location_id: from.location_id,
      to_location_id: to,
      quantity: 3,
    });
    expect(tooMany.statusCode).toBe(409);
    const same = await send("POST", "/inventory/transfers", {
      product_id: productId,
      from_location_id: to,
      to_location_id: to,
      quantity: 1,
    });
    expect(same.statusCode).toBe(422);

    const levels = await levelsOf(productId);
    expect(levels.map((l: { on_hand: number }) => l.on_hand)).toEqual([2, 6]);
    expect((await get(`/inventory/${rowId}`)).quantity).toBe(8);
    const movements = await get(`/inventory/${rowId}/movements`);
    for (const level of levels) {
      const sum = movements
        .filter((m: { location_id: number }) => m.location_id === level.location_id)
        .reduce((total: number, m: { delta: number }) => total + m.delta, 0);
      expect(sum).toBe(level.on_hand);
    }
    expect(movements.map((m: { kind: string }) => m.kind)).toEqual([
      "create",
      "transfer_out",
      "transfer_in",
    ]);
  });

  it("when a reservation cannot hold every item then it holds none and names the short ones", async () => {
    const a = await stocked(5, `Hold ${kind}`);
    const b = await stocked(1, `Hold ${kind}`);

    const refused = await send("POST", "/inventory/reservations", {
      items: [
        { product_id: a.productId, quantity: 4 },
        { product_id: b.productId, quantity: 2 },
      ],
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({
      type: expect.stringMatching(/insufficient_stock$/),
      errors: [{ path: "items.1" }],
    });
    expect((await levelsOf(a.productId))[0]).toMatchObject({ reserved: 0, available: 5 });

    const duplicate = await send("POST", "/inventory/reservations", {
      items: [
        { product_id: a.productId, quantity: 1 },
        { product_id: a.productId, quantity: 1 },
      ],
    });
    expect(duplicate.statusCode).toBe(422);
    expect((await send("POST", "/inventory/reservations", { items: [] })).statusCode).toBe(422);
  });

  it("when a reservation is held, committed and released then levels, legacy rows and writes follow", async () => {
    const { productId, rowId } = await stocked(10, `Commit ${kind}`);
    const hold = await send("POST", "/inventory/reservations", {
      items: [{ product_id: productId, quantity: 7 }],
      reference: "order 1",
    });
    expect(hold.statusCode).toBe(201);
    const reservation = hold.json();
    expect(reservation).toMatchObject({ status: "active", reference: "order 1" });
    expect(reservation.items[0]).toMatchObject({ product_id: productId, quantity: 7 });
    expect((await levelsOf(productId))[0]).toMatchObject({
      on_hand: 10,
      reserved: 7,
      available: 3,
    });

    const overdraw = await send("POST", `/inventory/${rowId}/adjust`, { delta: -4 });
    expect(overdraw.statusCode).toBe(409);
    expect(overdraw.json().type).toMatch(/insufficient_stock$/);
    expect((await send("PUT", `/inventory/${rowId}`, { quantity: 6 })).statusCode).toBe(409);

    const committed = await send("POST", `/inventory/reservations/${reservation.id}/commit`);
    expect(committed.json()).toMatchObject({ status: "committed" });
    expect((await levelsOf(productId))[0]).toMatchObject({ on_hand: 3, reserved: 0, available: 3 });
    expect((await get(`/inventory/${rowId}`)).quantity).toBe(3);
    const again = await send("POST", `/inventory/reservations/${reservation.id}/release`);
    expect(again.statusCode).toBe(409);

    const second = (
      await send("POST", "/inventory/reservations", {
        items: [{ product_id: productId, quantity: 3 }],
      })
    ).json();
    const released = await send("POST", `/inventory/reservations/${second.id}/release`);
    const releasedAgain = await send("POST", `/inventory/reservations/${second.id}/release`);
    expect(released.json()).toMatchObject({ status: "released" });
    expect(releasedAgain.statusCode).toBe(200);
    expect(releasedAgain.json()).toEqual(released.json());
    expect((await levelsOf(productId))[0]).toMatchObject({ reserved: 0, available: 3 });
  });

  it("when the clock passes expires_at then the reservation reads expired and its units are available, before any sweep", async () => {
    const { productId } = await stocked(4, `Expiry ${kind}`);
    const reservation = (
      await send("POST", "/inventory/reservations", {
        items: [{ product_id: productId, quantity: 4 }],
        expires_in_seconds: 60,
      })
    ).json();
    clockMs += 59_999;
    expect((await get(`/inventory/reservations/${reservation.id}`)).status).toBe("active");
    clockMs += 1;

    expect((await get(`/inventory/reservations/${reservation.id}`)).status).toBe("expired");
    expect((await levelsOf(productId))[0]).toMatchObject({ reserved: 0, available: 4 });
    const commit = await send("POST", `/inventory/reservations/${reservation.id}/commit`);
    expect(commit.json().type).toMatch(/reservation_expired$/);
    const retake = await send("POST", "/inventory/reservations", {
      items: [{ product_id: productId, quantity: 4 }],
    });
    expect(retake.statusCode).toBe(201);

    expect(await expireLapsedReservations(deps)).toBeGreaterThanOrEqual(1);
    const stored = await deps.db
      .selectFrom("reservations")
      .select("status")
      .where("id", "=", reservation.id)
      .executeTakeFirstOrThrow();
    expect(stored.status).toBe("expired");
    expect((await levelsOf(productId))[0]).toMatchObject({ reserved: 4, available: 0 });
  });

  it("when a location is renamed then legacy rows show the name; deleting it is refused while it holds units", async () => {
    const { rowId } = await stocked(2, `Rename ${kind}`);
    const { location_id: id } = (await get(`/inventory/${rowId}/movements`))[0];

    const before = await get(`/inventory/${rowId}`);
    const renamed = await send("PUT", `/inventory/locations/${id}`, { name: `Renamed ${kind}` });
    expect(renamed.statusCode).toBe(200);
    const after = await get(`/inventory/${rowId}`);
    expect(after.warehouse).toBe(`Renamed ${kind}`);
    expect(after.version).toBeGreaterThan(before.version);
    const taken = await send("PUT", `/inventory/locations/${id}`, { name: "Warehouse A" });
    expect(taken.statusCode).toBe(409);
    expect((await send("DELETE", `/inventory/locations/${id}`)).statusCode).toBe(409);

    await send("POST", `/inventory/${rowId}/adjust`, { delta: -2 });
    expect((await send("DELETE", `/inventory/locations/${id}`)).statusCode).toBe(204);
    expect((await send("DELETE", `/inventory/locations/${id}`)).statusCode).toBe(404);
  });

  it("when the same Idempotency-Key is sent twice then the reservation is made once", async () => {
    const { productId } = await stocked(3, `Replay ${kind}`);
    const request = () =>
      inventory.inject({
        method: "POST",
        url: "/inventory/reservations",
        headers: { "content-type": "application/json", "idempotency-key": `hold-${kind}` },
        payload: JSON.stringify({ items: [{ product_id: productId, quantity: 2 }] }),
      });
    const first = await request();
    const second = await request();
    expect(second.headers["idempotent-replayed"]).toBe("true");
    expect(second.json()).toEqual(first.json());
    expect((await levelsOf(productId))[0]).toMatchObject({ reserved: 2 });
  });

  it("when every stock row and level is compared then quantity is the sum of on_hand, and no available is negative", async () => {
    const { rows } = await sql<{ mismatched: number; negative: number }>`
      SELECT
        (SELECT count(*)::integer FROM inventory i WHERE i.quantity <>
           (SELECT COALESCE(sum(on_hand), 0) FROM stock_levels l WHERE l.inventory_id = i.id)) AS mismatched,
        (SELECT count(*)::integer FROM stock_levels WHERE on_hand < reserved) AS negative
    `.execute(stores.deps.db);
    expect(rows[0]).toEqual({ mismatched: 0, negative: 0 });
  });
});
