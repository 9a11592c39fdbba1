import type { AddressInfo } from "node:net";
import { buildServiceApp, createMemoryCache, type OpenStores } from "@stockwiz/adapters";
import { buildGatewayApp, UpstreamService } from "@stockwiz/api-gateway";
import { inventoryServiceRoutes, productServiceRoutes } from "@stockwiz/core";
import fc from "fast-check";
import type { FastifyInstance } from "fastify";
import { request } from "undici";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestStores, silentLogger } from "../kit/stores/test-stores.ts";

let stores: OpenStores;
const apps: FastifyInstance[] = [];
const upstreams: UpstreamService[] = [];
let base: string;

const listen = async (app: FastifyInstance) => {
  apps.push(app);
  await app.listen({ host: "127.0.0.1", port: 0 });
  return `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
};

beforeAll(async () => {
  const cache = createMemoryCache();
  stores = await openTestStores("postgres", cache);
  const productUrl = await listen(
    await buildServiceApp(productServiceRoutes, stores.deps, silentLogger),
  );
  const inventoryUrl = await listen(
    await buildServiceApp(inventoryServiceRoutes, stores.deps, silentLogger),
  );
  upstreams.push(new UpstreamService("product-service", productUrl, 5_000));
  upstreams.push(new UpstreamService("inventory-service", inventoryUrl, 5_000));
  const [productService, inventoryService] = upstreams as [UpstreamService, UpstreamService];
  base = await listen(
    await buildGatewayApp({ cache, logger: silentLogger, productService, inventoryService }),
  );
});
afterAll(async () => {
  for (const app of apps.reverse()) await app.close();
  await Promise.all(upstreams.map((upstream) => upstream.close()));
  await stores.close();
});

type Hostile = {
  method: "GET" | "POST" | "PUT" | "DELETE";
  path: string;
  body?: string;
  type?: string;
};

const nested = (depth: number) => "[".repeat(depth) + "]".repeat(depth);

const battery: Hostile[] = [
  { method: "POST", path: "/api/products", body: "{", type: "application/json" },
  { method: "POST", path: "/api/products", body: "", type: "application/json" },
  { method: "POST", path: "/api/products", body: "null", type: "application/json" },
  { method: "POST", path: "/api/products", body: '"string"', type: "application/json" },
  { method: "POST", path: "/api/products", body: nested(5_000), type: "application/json" },
  {
    method: "POST",
    path: "/api/products",
    body: `{"name":"${"x".repeat(70_000)}","price":1}`,
    type: "application/json",
  },
  {
    method: "POST",
    path: "/api/products",
    body: '{"__proto__":{"admin":true},"name":"p","price":1}',
    type: "application/json",
  },
  {
    method: "POST",
    path: "/api/products",
    body: '{"constructor":{"prototype":{"x":1}},"name":"p","price":1}',
    type: "application/json",
  },
  {
    method: "POST",
    path: "/api/products",
    body: '{"name":"nul\\u0000byte","price":1}',
    type: "application/json",
  },
  {
    method: "POST",
    path: "/api/products",
    body: '{"name":"big","price":1e400}',
    type: "application/json",
  },
  {
    method: "POST",
    path: "/api/products",
    body: '{"name":"big","price":123456789012}',
    type: "application/json",
  },
  {
    method: "POST",
    path: "/api/products",
    body: '{"name":"tiny","price":0.0001}',
    type: "application/json",
  },
  {
    method: "POST",
    path: "/api/products",
    body: '{"name":["a"],"price":{"$gt":0}}',
    type: "application/json",
  },
  {
    method: "POST",
    path: "/api/products",
    body: "name=x&price=1",
    type: "application/x-www-form-urlencoded",
  },
  { method: "POST", path: "/api/products", body: "<xml/>", type: "text/xml" },
  {
    method: "POST",
    path: "/api/products",
    body: Buffer.from([0xff, 0xfe, 0xfd]).toString("latin1"),
    type: "application/json",
  },
  { method: "GET", path: "/api/products?category=%27%3B%20DROP%20TABLE%20products%3B--" },
  { method: "GET", path: "/api/products?category=a&category=b" },
  { method: "GET", path: `/api/products?category=${"c".repeat(500)}` },
  { method: "GET", path: "/api/products/1%20OR%201=1" },
  { method: "GET", path: "/api/products/..%2F..%2Fetc%2Fpasswd" },
  { method: "GET", path: "/api/products/99999999999999999999" },
  { method: "GET", path: "/api/products/-1" },
  { method: "GET", path: "/api/products/0x10" },
  { method: "GET", path: `/api/products/${"9".repeat(300)}` },
  { method: "GET", path: "/products/1e3" },
  { method: "GET", path: "/api/inventory/product/%00" },
  { method: "PUT", path: "/api/products/1", body: "{}", type: "application/json" },
  { method: "PUT", path: "/api/products/1", body: '{"price":-1}', type: "application/json" },
  {
    method: "PUT",
    path: "/api/inventory/1",
    body: '{"quantity":2147483648}',
    type: "application/json",
  },
  {
    method: "PUT",
    path: "/api/inventory/1",
    body: '{"quantity":"50; DROP TABLE inventory"}',
    type: "application/json",
  },
  {
    method: "POST",
    path: "/api/inventory",
    body: '{"product_id":1,"quantity":5}',
    type: "application/json",
  },
  {
    method: "POST",
    path: "/api/inventory",
    body: '{"product_id":2147483647,"quantity":5}',
    type: "application/json",
  },
  {
    method: "POST",
    path: "/api/inventory/1/adjust",
    body: '{"delta":-1000000}',
    type: "application/json",
  },
  {
    method: "POST",
    path: "/api/inventory/1/adjust",
    body: '{"delta":9007199254740993}',
    type: "application/json",
  },
  { method: "DELETE", path: "/api/products/abc" },
  { method: "DELETE", path: "/api/inventory/999999" },
  { method: "GET", path: "/api/products-full?force_refresh=%ZZ" },
  { method: "GET", path: "/%" },
];

const send = async ({ method, path, body, type }: Hostile) => {
  const response = await request(`${base}${path}`, {
    method,
    body,
    headers: type ? { "content-type": type } : {},
  });
  await response.body.dump();
  return response.statusCode;
};

describe("hostile input through the gateway", () => {
  it(`when ${battery.length} hostile requests arrive then none is a 5xx and the seed data is intact`, async () => {
    const before = await (
      await request(`${base}/api/products-full?force_refresh=true`)
    ).body.json();
    const outcomes = await Promise.all(
      battery.map(async (hostile) => ({ hostile, status: await send(hostile) })),
    );
    expect(outcomes.filter(({ status }) => status >= 500)).toEqual([]);
    const after = (await (
      await request(`${base}/api/products-full?force_refresh=true`)
    ).body.json()) as unknown[];
    expect(after.slice(0, 5)).toEqual((before as unknown[]).slice(0, 5));
  });

  it("when arbitrary JSON is posted as a product then the answer is 201 or a 4xx, never a 5xx", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record(
          {
            name: fc.oneof(fc.string(), fc.constant(""), fc.integer()),
            price: fc.oneof(fc.double(), fc.string(), fc.integer()),
            category: fc.option(fc.string()),
          },
          { requiredKeys: [] },
        ),
        async (body) => {
          const status = await send({
            method: "POST",
            path: "/api/products",
            body: JSON.stringify(body),
            type: "application/json",
          });
          return status === 201 || (status >= 400 && status < 500);
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe("ledger invariant under arbitrary operations", () => {
  it("when any sequence of adjusts and sets runs then quantity equals the sum of the ledger, never negative", async () => {
    const product = (await (
      await request(`${base}/api/products`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: '{"name":"Prop","price":1}',
      })
    ).body.json()) as { id: number };
    const row = (await (
      await request(`${base}/api/inventory`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ product_id: product.id, quantity: 10 }),
      })
    ).body.json()) as { id: number };
    const operation = fc.oneof(
      fc.record({ kind: fc.constant("adjust" as const), delta: fc.integer({ min: -30, max: 30 }) }),
      fc.record({ kind: fc.constant("set" as const), quantity: fc.integer({ min: 0, max: 50 }) }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(operation, { maxLength: 12 }), async (operations) => {
        await Promise.all(
          operations.map((op) =>
            op.kind === "adjust"
              ? send({
                  method: "POST",
                  path: `/api/inventory/${row.id}/adjust`,
                  body: JSON.stringify({ delta: op.delta }),
                  type: "application/json",
                })
              : send({
                  method: "PUT",
                  path: `/api/inventory/${row.id}`,
                  body: JSON.stringify({ quantity: op.quantity }),
                  type: "application/json",
                }),
          ),
        );
        const current = (await (await request(`${base}/api/inventory/${row.id}`)).body.json()) as {
          quantity: number;
        };
        const movements = (await (
          await request(`${base}/api/inventory/${row.id}/movements`)
        ).body.json()) as { delta: number }[];
        const sum = movements.reduce((total, movement) => total + movement.delta, 0);
        return current.quantity >= 0 && sum === current.quantity;
      }),
      { numRuns: 25 },
    );
  });
});
