import { type AddressInfo, createServer, type Server, type Socket } from "node:net";
import { gunzipSync } from "node:zlib";
import { createLogger, createMemoryCache, type OpenStores } from "@stockwiz/adapters";
import { inventoryServiceRoutes, productServiceRoutes } from "@stockwiz/core";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildGatewayApp, UpstreamService } from "../src/index.ts";
import {
  openMemoryStores,
  type RecordingUpstream,
  startRecordingUpstream,
} from "./recording-upstream.ts";

const logger = createLogger({ level: "silent", name: "test" });
const cache = createMemoryCache();

let stores: OpenStores;
let products: RecordingUpstream;
let inventory: RecordingUpstream;
let gateway: FastifyInstance;
const upstreams: UpstreamService[] = [];

const upstream = (name: string, url: string, timeoutMs = 2_000) => {
  const service = new UpstreamService(name, url, timeoutMs);
  upstreams.push(service);
  return service;
};

beforeAll(async () => {
  stores = await openMemoryStores(cache, logger);
  products = await startRecordingUpstream(productServiceRoutes, stores, logger);
  inventory = await startRecordingUpstream(inventoryServiceRoutes, stores, logger);
  gateway = await buildGatewayApp({
    cache,
    logger,
    productService: upstream("product-service", products.url),
    inventoryService: upstream("inventory-service", inventory.url),
  });
});
afterAll(async () => {
  await gateway.close();
  await Promise.all(upstreams.map((service) => service.close()));
  await products.app.close();
  await inventory.app.close();
  await stores.close();
});

const json = (payload: unknown) => ({
  headers: { "content-type": "application/json" },
  payload: JSON.stringify(payload),
});

describe("gateway forwarding", () => {
  it("when /api/products is asked with a query then the service gets /products with it", async () => {
    const response = await gateway.inject("/api/products?category=Electronics");
    expect(response.statusCode).toBe(200);
    expect(response.json()).toHaveLength(5);
    expect(products.seen.at(-1)?.url).toBe("/products?category=Electronics");
  });

  it("when a write is forwarded then status, content type and body come back unchanged", async () => {
    const invalid = await gateway.inject({
      method: "POST",
      url: "/api/products",
      ...json({ name: "" }),
    });
    expect(invalid.statusCode).toBe(422);
    expect(invalid.headers["content-type"]).toContain("application/problem+json");
    expect(invalid.json().errors.length).toBeGreaterThan(0);

    const created = await gateway.inject({
      method: "POST",
      url: "/products",
      ...json({ name: "Pen", price: 2 }),
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ name: "Pen", price: 2 });
  });

  it("when /api/products/1 is asked then the merged view comes back", async () => {
    const response = await gateway.inject("/api/products/1");
    expect(response.json()).toMatchObject({
      id: 1,
      inventory: { quantity: 50, warehouse: "Warehouse A" },
    });
  });

  it("when the product is missing then the upstream 404 and its body pass through", async () => {
    const response = await gateway.inject("/api/products/424242");
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ detail: "Product not found" });
  });

  it("when /api/inventory/... is asked then the inventory service answers it", async () => {
    const response = await gateway.inject("/api/inventory/product/5");
    expect(response.json()).toMatchObject({ product_id: 5, quantity: 100 });
    expect(inventory.seen.at(-1)?.url).toBe("/inventory/product/5");
  });

  it("when the client sends X-Request-Id then the upstream gets the same id and it comes back", async () => {
    const response = await gateway.inject({
      url: "/api/inventory/1",
      headers: { "x-request-id": "trace-gw-1" },
    });
    expect(response.headers["x-request-id"]).toBe("trace-gw-1");
    expect(inventory.seen.at(-1)?.requestId).toBe("trace-gw-1");
  });

  it("when a path is unknown then the gateway answers a 404 problem itself", async () => {
    const response = await gateway.inject("/api/unknown");
    expect(response.statusCode).toBe(404);
    expect(response.headers["content-type"]).toContain("application/problem+json");
  });
});

describe("gateway catalogue", () => {
  it("when a one-chunk catalogue is refreshed then exactly two upstream calls are made, whatever its size", async () => {
    for (let n = 0; n < 30; n += 1) {
      await gateway.inject({
        method: "POST",
        url: "/api/products",
        ...json({ name: `Bulk ${n}`, price: 1 + n }),
      });
    }
    const before = products.seen.length + inventory.seen.length;
    const response = await gateway.inject("/api/products-full?force_refresh=true");
    expect(response.json().length).toBeGreaterThanOrEqual(35);
    expect(products.seen.length + inventory.seen.length - before).toBe(2);
  });

  it("when the catalogue is small then it goes out whole, with its length", async () => {
    const response = await gateway.inject("/api/products-full");

    expect(response.statusCode).toBe(200);
    expect(response.headers["content-length"]).toBe(String(Buffer.byteLength(response.body)));
    expect(response.headers["transfer-encoding"]).toBeUndefined();
  });

  it("when the catalogue is warm then no upstream call is made", async () => {
    await gateway.inject("/api/products-full");
    const before = products.seen.length + inventory.seen.length;
    await gateway.inject("/api/products-full");
    expect(products.seen.length + inventory.seen.length).toBe(before);
  });

  it("when stock changes behind the gateway's back then the warm catalogue shows it", async () => {
    await gateway.inject("/api/products-full");
    await inventory.app.inject({ method: "PUT", url: "/inventory/2", ...json({ quantity: 149 }) });
    const catalogue = (await gateway.inject("/api/products-full")).json();
    expect(catalogue.find((p: { id: number }) => p.id === 2).inventory.quantity).toBe(149);
  });

  it("when the client accepts gzip then a large answer is compressed", async () => {
    const response = await gateway.inject({
      url: "/api/products-full",
      headers: { "accept-encoding": "gzip" },
    });
    expect(response.headers["content-encoding"]).toBe("gzip");
    expect(JSON.parse(gunzipSync(response.rawPayload).toString()).length).toBeGreaterThan(5);
  });
});

describe("gateway security headers", () => {
  const everyAnswer = [
    "content-security-policy",
    "strict-transport-security",
    "x-content-type-options",
    "x-frame-options",
    "referrer-policy",
    "cross-origin-resource-policy",
  ];
  const documentOnly = ["cross-origin-opener-policy", "origin-agent-cluster", "x-xss-protection"];

  it("when JSON is answered then it has the API's security headers and none meant for pages", async () => {
    for (const url of ["/api/products/1", "/health", "/no-such-path"]) {
      const response = await gateway.inject(url);
      for (const name of everyAnswer)
        expect(response.headers, `${url} ${name}`).toHaveProperty(name);
      for (const name of documentOnly)
        expect(response.headers, `${url} ${name}`).not.toHaveProperty(name);
    }
  });

  it("when an HTML page is answered then the page headers are added", async () => {
    const response = await gateway.inject("/docs/index.html");
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toContain("text/html");
    for (const name of [...everyAnswer, ...documentOnly])
      expect(response.headers).toHaveProperty(name);
  });
});

describe("gateway CORS", () => {
  it("when a browser asks then the contract's CORS headers are there", async () => {
    const response = await gateway.inject({
      url: "/api/products",
      headers: { origin: "http://shop.example" },
    });
    expect(response.headers["access-control-allow-origin"]).toBe("*");
    expect(response.headers["access-control-expose-headers"]).toBe("Link");
  });

  it("when a preflight arrives then it is answered with methods, headers and max-age", async () => {
    const response = await gateway.inject({
      method: "OPTIONS",
      url: "/api/products/1",
      headers: { origin: "http://shop.example", "access-control-request-method": "PUT" },
    });
    expect(response.statusCode).toBe(204);
    expect(response.headers["access-control-allow-methods"]).toBe(
      "GET, POST, PUT, DELETE, OPTIONS",
    );
    expect(response.headers["access-control-allow-headers"]).toBe(
      "Accept, Authorization, Content-Type",
    );
    expect(response.headers["access-control-max-age"]).toBe("300");
  });
});

describe("gateway with a failing upstream", () => {
  let silent: Server;
  const silentSockets = new Set<Socket>();
  let refusedUrl: string;

  beforeAll(async () => {
    // Accepts connections and never answers: the timeout must fire.
    silent = createServer((socket) => silentSockets.add(socket));
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    refusedUrl = `http://127.0.0.1:${(closed.address() as AddressInfo).port}`;
    await new Promise((resolve) => closed.close(resolve));
  });
  afterAll(async () => {
    for (const socket of silentSockets) socket.destroy();
    await new Promise((resolve) => silent.close(resolve));
  });

  const gatewayWith = (inventoryService: UpstreamService) =>
    buildGatewayApp({
      cache: createMemoryCache(),
      logger,
      productService: upstream("product-service", products.url),
      inventoryService,
    });

  it("when the inventory service refuses connections then its routes are 502 and products still work", async () => {
    const app = await gatewayWith(upstream("inventory-service", refusedUrl));
    const failing = await app.inject("/api/inventory");
    expect(failing.statusCode).toBe(502);
    expect(failing.json()).toMatchObject({
      status: 502,
      detail: "inventory-service is unreachable",
    });
    expect((await app.inject("/api/products")).statusCode).toBe(200);
    expect((await app.inject("/api/products-full?force_refresh=true")).statusCode).toBe(502);

    const health = await app.inject("/health");
    expect(health.statusCode).toBe(200);
    expect(health.json()).toEqual({
      status: "degraded",
      service: "api-gateway",
      downstream_services: { product_service: "healthy", inventory_service: "unhealthy" },
    });
    await app.close();
  });

  it("when the inventory service does not answer then the gateway says 504 after its timeout", async () => {
    const port = (silent.address() as AddressInfo).port;
    const app = await gatewayWith(upstream("inventory-service", `http://127.0.0.1:${port}`, 300));
    const response = await app.inject("/api/inventory");
    expect(response.statusCode).toBe(504);
    expect(response.headers["content-type"]).toContain("application/problem+json");
    await app.close();
  });

  it("when both services answer then health is healthy", async () => {
    expect((await gateway.inject("/health")).json()).toMatchObject({
      status: "healthy",
      downstream_services: { product_service: "healthy", inventory_service: "healthy" },
    });
  });
});
