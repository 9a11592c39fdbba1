import {
  buildServiceApp,
  type OpenStores,
  openStores,
  parseEnv,
  storeEnvSchema,
} from "@stockwiz/adapters";
import { inventoryServiceRoutes, productServiceRoutes } from "@stockwiz/core";
import type { FastifyInstance } from "fastify";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createScratchDatabase, type ScratchDatabase } from "../kit/stores/scratch-database.ts";
import { silentLogger } from "../kit/stores/test-stores.ts";

// Invariants of CONTRACT.md §9 under real concurrency on the machine's PostgreSQL: available is
// never negative, reservations are all or nothing, and writes over the same levels in any order
// queue rather than deadlock.

let database: ScratchDatabase;
let stores: OpenStores;
let inventory: FastifyInstance;
let products: FastifyInstance;

beforeAll(async () => {
  database = await createScratchDatabase();
  // One process taking 300 requests at once gets a pool to match, and no 2 s bound on waiting
  // for a connection: on a busy machine requests would queue past it and answer 503, which
  // says nothing about the invariants under test (and would make it a test of speed).
  stores = await openStores(
    parseEnv(storeEnvSchema, {
      DATABASE_URL: database.url,
      DB_POOL_MAX: "30",
      DB_CONNECT_TIMEOUT_MS: "120000",
    }),
    silentLogger,
  );
  inventory = await buildServiceApp(inventoryServiceRoutes, stores.deps, silentLogger);
  products = await buildServiceApp(productServiceRoutes, stores.deps, silentLogger);
});
afterAll(async () => {
  await inventory.close();
  await products.close();
  await stores.close();
  await database.drop();
});

const post = (app: FastifyInstance, url: string, body: unknown) =>
  app.inject({
    method: "POST",
    url,
    headers: { "content-type": "application/json" },
    payload: JSON.stringify(body),
  });

/** A product with `quantity` units in Warehouse A, made for one test. */
async function stocked(quantity: number): Promise<{ productId: number; rowId: number }> {
  const product = (await post(products, "/products", { name: "Storm item", price: 1 })).json();
  const row = await post(inventory, "/inventory", {
    product_id: product.id,
    quantity,
    warehouse: "Warehouse A",
  });
  return { productId: product.id, rowId: row.json().id };
}

const levelsOf = async (productId: number) =>
  (await inventory.inject(`/inventory/levels?product_id=${productId}`)).json();

const countOf = (statuses: number[], status: number) =>
  statuses.filter((candidate) => candidate === status).length;

describe("reservation and transfer storms", () => {
  it("when 300 one-unit reservations race for 100 units then exactly 100 hold and 200 are refused", async () => {
    const { productId } = await stocked(100);
    const responses = await Promise.all(
      Array.from({ length: 300 }, () =>
        post(inventory, "/inventory/reservations", {
          items: [{ product_id: productId, quantity: 1 }],
        }),
      ),
    );
    const statuses = responses.map((response) => response.statusCode);
    expect(countOf(statuses, 201)).toBe(100);
    expect(countOf(statuses, 409)).toBe(200);
    expect(await levelsOf(productId)).toEqual([
      expect.objectContaining({ on_hand: 100, reserved: 100, available: 0 }),
    ]);
  });

  it("when 60 transfers race both ways between two locations then the total stays and no level goes negative", async () => {
    const { productId, rowId } = await stocked(20);
    const other = (await post(inventory, "/inventory/locations", { name: "Storm B" })).json().id;
    await post(inventory, "/inventory/levels/adjust", {
      product_id: productId,
      location_id: other,
      delta: 20,
    });
    const transfer = (from: number, to: number) =>
      post(inventory, "/inventory/transfers", {
        product_id: productId,
        from_location_id: from,
        to_location_id: to,
        quantity: 3,
      });
    const directions = Array.from({ length: 60 }, (_, i) =>
      i % 2 === 0 ? [1, other] : [other, 1],
    );
    const responses = await Promise.all(
      directions.map(([from, to]) => transfer(from as number, to as number)),
    );

    const statuses = responses.map((response) => response.statusCode);
    expect(statuses.filter((status) => status !== 201 && status !== 409)).toEqual([]);
    const moved = (from: number) =>
      responses.filter((response, i) => response.statusCode === 201 && directions[i]?.[0] === from)
        .length * 3;
    const levels = await levelsOf(productId);
    expect(levels.map((level: { on_hand: number }) => level.on_hand)).toEqual([
      20 - moved(1) + moved(other),
      20 - moved(other) + moved(1),
    ]);
    expect(levels.reduce((sum: number, level: { on_hand: number }) => sum + level.on_hand, 0)).toBe(
      40,
    );
    expect((await inventory.inject(`/inventory/${rowId}`)).json().quantity).toBe(40);
    const { rows } = await sql<{ location_id: number; sum: number }>`
      SELECT location_id, sum(delta)::integer AS sum FROM stock_movements
      WHERE inventory_id = ${rowId} GROUP BY location_id ORDER BY location_id`.execute(
      stores.deps.db,
    );
    expect(rows.map((row) => row.sum)).toEqual(
      levels.map((level: { on_hand: number }) => level.on_hand),
    );
  });

  it("when reservations take the same two products in opposite orders at once then every one holds, none deadlocks", async () => {
    const first = await stocked(100);
    const second = await stocked(100);
    const hold = (a: number, b: number) =>
      post(inventory, "/inventory/reservations", {
        items: [
          { product_id: a, quantity: 1 },
          { product_id: b, quantity: 1 },
        ],
      });
    const responses = await Promise.all(
      Array.from({ length: 80 }, (_, i) =>
        i % 2 === 0
          ? hold(first.productId, second.productId)
          : hold(second.productId, first.productId),
      ),
    );
    expect(responses.map((response) => response.statusCode)).toEqual(Array(80).fill(201));
    for (const { productId } of [first, second]) {
      expect((await levelsOf(productId))[0]).toMatchObject({ reserved: 80, available: 20 });
    }
  });

  it("when 100 reservations race with commits of others and adjustments then all-or-nothing holds", async () => {
    const { productId, rowId } = await stocked(50);
    const held = await Promise.all(
      Array.from({ length: 10 }, () =>
        post(inventory, "/inventory/reservations", {
          items: [{ product_id: productId, quantity: 2 }],
        }),
      ),
    );
    const responses = await Promise.all([
      ...held.map((response) =>
        post(inventory, `/inventory/reservations/${response.json().id}/commit`, {}),
      ),
      ...Array.from({ length: 40 }, () =>
        post(inventory, "/inventory/reservations", {
          items: [{ product_id: productId, quantity: 1 }],
        }),
      ),
      ...Array.from({ length: 10 }, () =>
        post(inventory, `/inventory/${rowId}/adjust`, { delta: -1 }),
      ),
    ]);
    const statuses = responses.map((response) => response.statusCode);
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(200));
    const reservedAfter = countOf(statuses.slice(10, 50), 201);
    const adjusted = countOf(statuses.slice(50), 200);
    expect(reservedAfter + adjusted).toBe(30);
    expect((await levelsOf(productId))[0]).toMatchObject({
      on_hand: 30 - adjusted,
      reserved: reservedAfter,
      available: 0,
    });
  });
});
