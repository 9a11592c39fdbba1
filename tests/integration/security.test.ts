import { buildServiceApp, createMemoryCache, type OpenStores } from "@stockwiz/adapters";
import { buildGatewayApp, UpstreamService } from "@stockwiz/api-gateway";
import { productServiceRoutes } from "@stockwiz/core";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestStores, silentLogger } from "../kit/stores/test-stores.ts";

const writeKey = "write-key-0123456789abcdef";
const readKey = "read-only-key-0123456789ab";

let stores: OpenStores;
let products: FastifyInstance;

beforeAll(async () => {
  stores = await openTestStores("embedded");
  products = await buildServiceApp(productServiceRoutes, stores.deps, silentLogger, {
    apiKeys: { write: [writeKey], readOnly: [readKey] },
  });
});
afterAll(async () => {
  await products.close();
  await stores.close();
});

const create = (authorization?: string) =>
  products.inject({
    method: "POST",
    url: "/products",
    headers: { "content-type": "application/json", ...(authorization ? { authorization } : {}) },
    payload: JSON.stringify({ name: "Keyed", price: 1 }),
  });

describe("API keys on writes", () => {
  it("when no credentials are sent then a write is 401 with a Bearer challenge", async () => {
    const response = await create();
    expect(response.statusCode).toBe(401);
    expect(response.headers["www-authenticate"]).toBe('Bearer realm="stockwiz"');
    expect(response.headers["content-type"]).toContain("application/problem+json");
  });

  it("when an unknown key is sent then it is 401", async () => {
    expect((await create("Bearer not-a-real-key-at-all")).statusCode).toBe(401);
    expect((await create(`Basic ${writeKey}`)).statusCode).toBe(401);
  });

  it("when a read-only key tries to write then it is 403", async () => {
    expect((await create(`Bearer ${readKey}`)).statusCode).toBe(403);
  });

  it("when a write key is sent then the write happens", async () => {
    expect((await create(`Bearer ${writeKey}`)).statusCode).toBe(201);
  });

  it("when reading then no key is needed", async () => {
    expect((await products.inject("/products/1")).statusCode).toBe(200);
  });
});

describe("gateway protections", () => {
  let upstream: FastifyInstance;
  let gateway: FastifyInstance;
  let productService: UpstreamService;

  beforeAll(async () => {
    upstream = await buildServiceApp(productServiceRoutes, stores.deps, silentLogger);
    await upstream.listen({ host: "127.0.0.1", port: 0 });
    const address = upstream.server.address();
    const url = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
    productService = new UpstreamService("product-service", url, 2_000);
    gateway = await buildGatewayApp({
      cache: createMemoryCache(),
      logger: silentLogger,
      productService,
      inventoryService: productService,
      rateLimitPerMinute: 3,
    });
  });
  afterAll(async () => {
    await gateway.close();
    await productService.close();
    await upstream.close();
  });

  it("when anything is answered then the security headers are set", async () => {
    const response = await gateway.inject("/health");
    expect(response.headers["x-content-type-options"]).toBe("nosniff");
    expect(response.headers["x-frame-options"]).toBe("SAMEORIGIN");
    expect(response.headers["content-security-policy"]).toContain("default-src 'self'");
  });

  it("when a client goes over its limit then it gets 429 problem details with Retry-After", async () => {
    const statuses: number[] = [];
    let limited: Awaited<ReturnType<typeof gateway.inject>> | undefined;
    for (let n = 0; n < 4; n += 1) {
      const response = await gateway.inject({
        url: "/api/products",
        remoteAddress: "198.51.100.7",
      });
      statuses.push(response.statusCode);
      limited = response;
    }
    expect(statuses).toEqual([200, 200, 200, 429]);
    expect(limited?.headers["retry-after"]).toBeDefined();
    expect(limited?.headers["content-type"]).toContain("application/problem+json");
    // Another client is not affected, and health checks are never limited.
    expect(
      (await gateway.inject({ url: "/api/products", remoteAddress: "198.51.100.8" })).statusCode,
    ).toBe(200);
    for (let n = 0; n < 5; n += 1) {
      expect(
        (await gateway.inject({ url: "/health", remoteAddress: "198.51.100.7" })).statusCode,
      ).toBe(200);
    }
  });
});
