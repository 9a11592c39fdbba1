import { buildServiceApp, type OpenStores } from "@stockwiz/adapters";
import { inventoryServiceRoutes, productServiceRoutes, type ServiceDeps } from "@stockwiz/core";
import type { FastifyInstance } from "fastify";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestStores, silentLogger } from "../kit/stores/test-stores.ts";

let stores: OpenStores;
let inventory: FastifyInstance;
let products: FastifyInstance;
// The clock the handlers see; a test moves it to expire idempotency keys.
let clockOffsetMs = 0;

beforeAll(async () => {
  stores = await openTestStores("postgres");
  const deps: ServiceDeps = { ...stores.deps, clock: () => new Date(Date.now() + clockOffsetMs) };
  inventory = await buildServiceApp(inventoryServiceRoutes, deps, silentLogger);
  products = await buildServiceApp(productServiceRoutes, deps, silentLogger);
});
afterAll(async () => {
  await inventory.close();
  await products.close();
  await stores.close();
});

const post = (
  app: FastifyInstance,
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
) =>
  app.inject({
    method: "POST",
    url,
    headers: { "content-type": "application/json", ...headers },
    payload: JSON.stringify(body),
  });

/** A product with a stock row of the given quantity, made for one test. */
async function stockRow(quantity: number): Promise<{ id: number; productId: number }> {
  const product = (await post(products, "/products", { name: "Storm item", price: 1 })).json();
  const row = (await post(inventory, "/inventory", { product_id: product.id, quantity })).json();
  return { id: row.id, productId: product.id };
}

const ledgerSum = async (inventoryId: number) => {
  const result = await sql<{ sum: string | null }>`
    SELECT sum(delta) AS sum FROM stock_movements WHERE inventory_id = ${inventoryId}`.execute(
    stores.deps.db,
  );
  return Number(result.rows[0]?.sum ?? 0);
};

describe("atomic adjustments", () => {
  it("when 200 concurrent -1 hit a quantity of 100 then exactly 100 succeed, 100 conflict, 0 remain", async () => {
    const row = await stockRow(100);
    const responses = await Promise.all(
      Array.from({ length: 200 }, () =>
        post(inventory, `/inventory/${row.id}/adjust`, { delta: -1, reason: "sale" }),
      ),
    );
    const statuses = responses.map((response) => response.statusCode);
    expect(statuses.filter((status) => status !== 200 && status !== 409)).toEqual([]);
    expect(statuses.filter((status) => status === 200)).toHaveLength(100);
    expect(statuses.filter((status) => status === 409)).toHaveLength(100);
    const conflict = responses.find((response) => response.statusCode === 409)?.json();
    expect(conflict).toMatchObject({ status: 409, code: "insufficient_stock" });

    const final = (await inventory.inject(`/inventory/${row.id}`)).json();
    expect(final.quantity).toBe(0);
    expect(await ledgerSum(row.id)).toBe(0);
  });

  it("when an adjustment is applied then the row, its ETag and its ledger move together", async () => {
    const row = await stockRow(10);
    const response = await post(
      inventory,
      `/api/inventory/${row.id}/adjust`,
      { delta: 5, reason: "delivery" },
      { "x-request-id": "req-adjust-1" },
    );
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ quantity: 15, version: 2 });
    expect(response.headers.etag).toBe('"2"');

    const movements = (await inventory.inject(`/inventory/${row.id}/movements`)).json();
    expect(
      movements.map((m: { delta: number; quantity_after: number }) => [m.delta, m.quantity_after]),
    ).toEqual([
      [10, 10],
      [5, 15],
    ]);
    expect(movements[1]).toMatchObject({ reason: "delivery", request_id: "req-adjust-1" });
  });

  it.each([
    [{ delta: 0 }, 422],
    [{ delta: 1.5 }, 422],
    [{ delta: "3" }, 422],
    [{ delta: 1, reason: "r".repeat(201) }, 422],
    [{}, 422],
  ])("when the adjustment is %j then it is a %i", async (body, status) => {
    const row = await stockRow(1);
    expect((await post(inventory, `/inventory/${row.id}/adjust`, body)).statusCode).toBe(status);
  });

  it("when the row does not exist then adjusting and listing movements are 404", async () => {
    expect((await post(inventory, "/inventory/987654/adjust", { delta: 1 })).statusCode).toBe(404);
    expect((await inventory.inject("/inventory/987654/movements")).statusCode).toBe(404);
  });

  it("when the result would overflow the column then it is a 422, not a 500", async () => {
    const row = await stockRow(2_147_483_000);
    const response = await post(inventory, `/inventory/${row.id}/adjust`, { delta: 2_000 });
    expect(response.statusCode).toBe(422);
  });
});

describe("compare-and-set with If-Match", () => {
  const put = (id: number, body: unknown, ifMatch?: string) =>
    inventory.inject({
      method: "PUT",
      url: `/inventory/${id}`,
      headers: { "content-type": "application/json", ...(ifMatch ? { "if-match": ifMatch } : {}) },
      payload: JSON.stringify(body),
    });

  it("when the ETag read is sent back then the write applies; a stale one is a 412", async () => {
    const row = await stockRow(7);
    const read = await inventory.inject(`/inventory/${row.id}`);
    const etag = read.headers.etag as string;

    const first = await put(row.id, { quantity: 8 }, etag);
    expect(first.statusCode).toBe(200);
    const second = await put(row.id, { quantity: 9 }, etag);
    expect(second.statusCode).toBe(412);
    expect(second.json()).toMatchObject({ status: 412, code: "version_mismatch" });
    expect((await inventory.inject(`/inventory/${row.id}`)).json().quantity).toBe(8);
  });

  it("when no If-Match is sent then the legacy last-write-wins PUT stays", async () => {
    const row = await stockRow(3);
    expect((await put(row.id, { quantity: 4 })).statusCode).toBe(200);
    expect((await put(row.id, { quantity: 5 }, "*")).statusCode).toBe(200);
  });

  it("when If-Match is not an entity tag then it is a 400", async () => {
    const row = await stockRow(3);
    expect((await put(row.id, { quantity: 4 }, "yesterday")).statusCode).toBe(400);
  });

  it("when a PUT sets the quantity then the ledger records the difference", async () => {
    const row = await stockRow(20);
    await put(row.id, { quantity: 12 });
    await put(row.id, { warehouse: "Annex" }); // no quantity change, no movement
    const movements = (await inventory.inject(`/inventory/${row.id}/movements`)).json();
    expect(movements.map((m: { delta: number }) => m.delta)).toEqual([20, -8]);
    expect(await ledgerSum(row.id)).toBe(12);
  });
});

describe("idempotent POSTs", () => {
  it("when an adjustment is retried with the same key then it is applied once and replayed identically", async () => {
    const row = await stockRow(50);
    const send = () =>
      post(
        inventory,
        `/inventory/${row.id}/adjust`,
        { delta: -10 },
        { "idempotency-key": `adj-${row.id}` },
      );
    const first = await send();
    const retry = await send();
    expect(retry.statusCode).toBe(first.statusCode);
    expect(retry.json()).toEqual(first.json());
    expect(retry.headers["idempotent-replayed"]).toBe("true");
    expect((await inventory.inject(`/inventory/${row.id}`)).json().quantity).toBe(40);
  });

  it("when 20 retries of one product creation arrive at once then exactly one product exists", async () => {
    const name = `Idempotent ${Date.now()}`;
    const responses = await Promise.all(
      Array.from({ length: 20 }, () =>
        post(
          products,
          "/api/products",
          { name, price: 3 },
          { "idempotency-key": `create-${name.replace(" ", "-")}` },
        ),
      ),
    );
    expect(new Set(responses.map((r) => r.statusCode))).toEqual(new Set([201]));
    expect(new Set(responses.map((r) => r.json().id)).size).toBe(1);
    const listed = (await products.inject("/products"))
      .json()
      .filter((p: { name: string }) => p.name === name);
    expect(listed).toHaveLength(1);
  });

  it("when the same key comes with another body then it is a 422 and nothing is applied", async () => {
    const row = await stockRow(5);
    const key = { "idempotency-key": `mismatch-${row.id}` };
    await post(inventory, `/inventory/${row.id}/adjust`, { delta: 1 }, key);
    const other = await post(inventory, `/inventory/${row.id}/adjust`, { delta: 2 }, key);
    expect(other.statusCode).toBe(422);
    expect(other.json().code).toBe("idempotency_key_reused");
    expect((await inventory.inject(`/inventory/${row.id}`)).json().quantity).toBe(6);
  });

  it("when the first attempt was a client error then the retry replays it and nothing is applied", async () => {
    const row = await stockRow(1);
    const send = () =>
      post(
        inventory,
        `/inventory/${row.id}/adjust`,
        { delta: -5 },
        { "idempotency-key": `fail-${row.id}` },
      );
    const first = await send();
    expect(first.statusCode).toBe(409);
    await inventory.inject({
      method: "PUT",
      url: `/inventory/${row.id}`,
      headers: { "content-type": "application/json" },
      payload: '{"quantity":100}',
    });
    const retry = await send();
    expect(retry.statusCode).toBe(409);
    expect(retry.headers["content-type"]).toContain("application/problem+json");
    expect((await inventory.inject(`/inventory/${row.id}`)).json().quantity).toBe(100);
  });

  it("when a key is older than 24 hours then it starts afresh", async () => {
    const row = await stockRow(10);
    const send = () =>
      post(
        inventory,
        `/inventory/${row.id}/adjust`,
        { delta: 1 },
        { "idempotency-key": `old-${row.id}` },
      );
    await send();
    clockOffsetMs = 25 * 60 * 60 * 1000;
    try {
      const later = await send();
      expect(later.headers["idempotent-replayed"]).toBeUndefined();
    } finally {
      clockOffsetMs = 0;
    }
    expect((await inventory.inject(`/inventory/${row.id}`)).json().quantity).toBe(12);
  });

  it("when the key is not printable ASCII then it is a 400", async () => {
    const response = await post(
      products,
      "/products",
      { name: "k", price: 1 },
      { "idempotency-key": "a b" },
    );
    expect(response.statusCode).toBe(400);
  });

  it("when a stock row creation is retried then one row and one opening movement exist", async () => {
    const product = (await post(products, "/products", { name: "Once", price: 1 })).json();
    const send = () =>
      post(
        inventory,
        "/inventory",
        { product_id: product.id, quantity: 9 },
        { "idempotency-key": `row-${product.id}` },
      );
    const [a, b] = [await send(), await send()];
    expect([a.statusCode, b.statusCode]).toEqual([201, 201]);
    expect(b.json()).toEqual(a.json());
    expect(await ledgerSum(a.json().id)).toBe(9);
  });
});

describe("ledger invariant", () => {
  it("when every row has been changed in all ways then each ledger sums to its quantity", async () => {
    const result = await sql<{ id: number; quantity: number; sum: string | null }>`
      SELECT i.id, i.quantity, (SELECT sum(delta) FROM stock_movements m WHERE m.inventory_id = i.id) AS sum
      FROM inventory i`.execute(stores.deps.db);
    expect(result.rows.length).toBeGreaterThan(5);
    for (const row of result.rows) expect(Number(row.sum), `row ${row.id}`).toBe(row.quantity);
  });
});
