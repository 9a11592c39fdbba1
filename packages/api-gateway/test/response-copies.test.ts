import { createLogger, createMemoryCache, type OpenStores } from "@stockwiz/adapters";
import { inventoryServiceRoutes, productServiceRoutes } from "@stockwiz/core";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { buildGatewayApp, UpstreamService } from "../src/index.ts";
import {
  openMemoryStores,
  type RecordingUpstream,
  startRecordingUpstream,
} from "./recording-upstream.ts";

// The gateway keeps copies of GET answers; these tests count what reaches the services.

const logger = createLogger({ level: "silent", name: "test" });
const cache = createMemoryCache(); // shared with the services, as in the all-in-one process

interface CountingService extends RecordingUpstream {
  upstream: UpstreamService;
}

async function startService(
  name: string,
  routes: typeof productServiceRoutes,
  stores: OpenStores,
): Promise<CountingService> {
  const service = await startRecordingUpstream(routes, stores, logger);
  return { ...service, upstream: new UpstreamService(name, service.url, 2_000) };
}

let stores: OpenStores;
let products: CountingService;
let inventory: CountingService;
let gateway: FastifyInstance;

beforeAll(async () => {
  stores = await openMemoryStores(cache, logger);
  products = await startService("product-service", productServiceRoutes, stores);
  inventory = await startService("inventory-service", inventoryServiceRoutes, stores);
  gateway = await buildGatewayApp({
    cache,
    logger,
    productService: products.upstream,
    inventoryService: inventory.upstream,
  });
});
afterAll(async () => {
  await gateway.close();
  await Promise.all([products.upstream.close(), inventory.upstream.close()]);
  await Promise.all([products.app.close(), inventory.app.close()]);
  await stores.close();
});

/** A stock write through the gateway: it moves the generation and names the keys it stales. */
const adjustStock = (inventoryId: number, delta: number) =>
  gateway.inject({
    method: "POST",
    url: `/api/inventory/${inventoryId}/adjust`,
    headers: { "content-type": "application/json" },
    payload: JSON.stringify({ delta }),
  });

const timesAsked = (service: CountingService, url: string) =>
  service.seen.filter((seen) => seen.url === url).length;

describe("the gateway's copies of GET answers", () => {
  it("when the same GET comes twice with nothing written between then the service is asked once", async () => {
    const first = await gateway.inject("/api/products/2");
    const second = await gateway.inject("/api/products/2");

    expect(second.statusCode).toBe(200);
    expect(second.body).toBe(first.body);
    expect(second.headers["content-type"]).toBe(first.headers["content-type"]);
    expect(second.headers["x-request-id"]).not.toBe(first.headers["x-request-id"]);
    expect(timesAsked(products, "/api/products/2")).toBe(1);
  });

  it("when an answer says no-store (held units lapse with time) then every GET reaches the service", async () => {
    const url = "/inventory/levels?product_id=4";
    const first = await gateway.inject(`/api${url}`);
    await gateway.inject(`/api${url}`);

    expect(first.statusCode).toBe(200);
    expect(first.headers["cache-control"]).toBe("no-store");
    expect(timesAsked(inventory, url)).toBe(2);
  });

  it("when a write went through any service then the next GET shows it", async () => {
    await gateway.inject("/api/products/3");
    const adjusted = await adjustStock(3, -5);
    expect(adjusted.statusCode).toBe(200);

    const after = await gateway.inject("/api/products/3");

    expect(after.json().inventory.quantity).toBe(adjusted.json().quantity);
    expect(timesAsked(products, "/api/products/3")).toBe(2);
  });

  it("when a write touched another product then the copy of this one is still served", async () => {
    await gateway.inject("/api/products/5");
    await gateway.inject("/api/products/1");
    await gateway.inject("/api/products");
    const adjusted = await adjustStock(1, -1);
    expect(adjusted.statusCode).toBe(200);

    const untouched = await gateway.inject("/api/products/5");
    const touched = await gateway.inject("/api/products/1");
    await gateway.inject("/api/products");

    expect(untouched.statusCode).toBe(200);
    expect(touched.json().inventory.quantity).toBe(adjusted.json().quantity);
    expect(timesAsked(products, "/api/products/5")).toBe(1);
    expect(timesAsked(products, "/api/products/1")).toBe(2);
    // the product list names a key no stock write stales
    expect(timesAsked(products, "/products")).toBe(1);
  });

  it("when the service names the cache key it read through then the client is not told it", async () => {
    const answer = await gateway.inject("/api/products/5");

    expect(answer.statusCode).toBe(200);
    expect(answer.headers["surrogate-key"]).toBeUndefined();
  });

  it("when an answer names no cache key (a category list) then any write makes its copy stale", async () => {
    const url = "/products?category=Electronics";
    await gateway.inject(`/api${url}`);
    const adjusted = await adjustStock(2, -1);
    expect(adjusted.statusCode).toBe(200);

    await gateway.inject(`/api${url}`);

    expect(timesAsked(products, url)).toBe(2);
  });

  it("when the same GET arrives many times at once then the service is asked once", async () => {
    const answers = await Promise.all(
      Array.from({ length: 8 }, () => gateway.inject("/api/products/4")),
    );

    expect(answers.map((answer) => answer.statusCode)).toEqual(Array(8).fill(200));
    expect(timesAsked(products, "/api/products/4")).toBe(1);
  });

  it("when an answer is not a 200 then it is not kept", async () => {
    await gateway.inject("/api/products/987654");
    await gateway.inject("/api/products/987654");

    expect(timesAsked(products, "/api/products/987654")).toBe(2);
  });

  it.each([
    { header: "x-request-id", value: "trace-me-1" },
    { header: "if-none-match", value: '"v1"' },
  ])(
    "when the client sends $header then the request reaches the service",
    async ({ header, value }) => {
      await gateway.inject("/api/inventory/4");
      const before = timesAsked(inventory, "/inventory/4");

      await gateway.inject({ url: "/api/inventory/4", headers: { [header]: value } });

      expect(timesAsked(inventory, "/inventory/4")).toBe(before + 1);
    },
  );

  it("when the service has gone away then the gateway says 502 instead of answering from a copy", async () => {
    expect((await gateway.inject("/api/inventory")).statusCode).toBe(200);
    await inventory.app.close(); // closes the gateway's connections to it
    await vi.waitFor(() => expect(inventory.upstream.connected).toBe(false));

    const answer = await gateway.inject("/api/inventory");

    expect(answer.statusCode).toBe(502);
  });
});
