import type { AddressInfo } from "node:net";
import { createLogger, createMemoryCache, type OpenStores } from "@stockwiz/adapters";
import { inventoryServiceRoutes, productServiceRoutes } from "@stockwiz/core";
import type { FastifyInstance } from "fastify";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { buildGatewayApp, gatewayLimitsEnvSchema, UpstreamService } from "../src/index.ts";
import {
  openMemoryStores,
  type RecordingUpstream,
  startRecordingUpstream,
} from "./recording-upstream.ts";

// The ALB appends the address it saw to X-Forwarded-For; every request below reaches the
// gateway from 127.0.0.1, as every request reaches it from the ALB's few addresses.
const clientA = "203.0.113.10";
const clientB = "203.0.113.20";
const limit = 3;

const logger = createLogger({ level: "silent", name: "test" });
const cache = createMemoryCache();
let stores: OpenStores;
let products: RecordingUpstream;
let inventory: RecordingUpstream;
const running: { app: FastifyInstance; upstreams: UpstreamService[] }[] = [];

beforeAll(async () => {
  stores = await openMemoryStores(cache, logger);
  products = await startRecordingUpstream(productServiceRoutes, stores, logger);
  inventory = await startRecordingUpstream(inventoryServiceRoutes, stores, logger);
});
afterEach(async () => {
  for (const { app, upstreams } of running.splice(0)) {
    await app.close();
    await Promise.all(upstreams.map((upstream) => upstream.close()));
  }
});
afterAll(async () => {
  await products.app.close();
  await inventory.app.close();
  await stores.close();
});

/** A gateway on a loopback port with its own buckets of `limit` requests per minute. */
async function startGateway(trustedProxyHops: number): Promise<string> {
  const productService = new UpstreamService("product-service", products.url, 2_000);
  const inventoryService = new UpstreamService("inventory-service", inventory.url, 2_000);
  const upstreams = [productService, inventoryService];
  const app = await buildGatewayApp({
    cache,
    logger,
    productService,
    inventoryService,
    rateLimitPerMinute: limit,
    trustedProxyHops,
  });
  running.push({ app, upstreams });
  await app.listen({ host: "127.0.0.1", port: 0 });
  return `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
}

const read = (gateway: string, forwardedFor: string) =>
  fetch(`${gateway}/api/inventory`, { headers: { "x-forwarded-for": forwardedFor } });

async function statusesOf(gateway: string, forwardedFor: string[]): Promise<number[]> {
  const statuses: number[] = [];
  for (const entry of forwardedFor) {
    const response = await read(gateway, entry);
    await response.arrayBuffer();
    statuses.push(response.status);
  }
  return statuses;
}

describe("the rate limit behind one trusted proxy", () => {
  it("when two clients come through the same load balancer then each has its own bucket, and answers under it carry no rate-limit headers", async () => {
    const gateway = await startGateway(1);
    const underLimit = await read(gateway, clientA);
    expect(underLimit.status).toBe(200);
    expect(underLimit.headers.get("x-ratelimit-remaining")).toBeNull();
    await underLimit.arrayBuffer();
    expect(await statusesOf(gateway, Array(limit - 1).fill(clientA))).toEqual([200, 200]);

    const spent = await read(gateway, clientA);
    expect(spent.status).toBe(429);
    expect(spent.headers.get("retry-after")).toMatch(/^\d+$/);
    expect(spent.headers.get("content-type")).toContain("application/problem+json");
    await spent.arrayBuffer();

    expect(await statusesOf(gateway, [clientB])).toEqual([200]);
  });

  it("when a client forges leftmost X-Forwarded-For entries then they all count against it", async () => {
    const gateway = await startGateway(1);
    const forged = Array.from({ length: limit + 2 }, (_, n) => `198.51.100.${n + 1}, ${clientA}`);
    expect(await statusesOf(gateway, forged)).toEqual([200, 200, 200, 429, 429]);
    expect(await statusesOf(gateway, [clientA])).toEqual([429]);
    expect(await statusesOf(gateway, [clientB])).toEqual([200]);
  });
});

describe("the rate limit with no proxy trusted (the default)", () => {
  it("when requests name different clients in X-Forwarded-For then they share the socket's bucket", async () => {
    const gateway = await startGateway(0);
    const claimed = ["203.0.113.1", "203.0.113.2", "203.0.113.3", "203.0.113.4"];
    expect(await statusesOf(gateway, claimed)).toEqual([200, 200, 200, 429]);
  });
});

describe("the hop count setting", () => {
  it("when TRUST_PROXY_HOPS is unset then no proxy is trusted; when 1 then one is", () => {
    expect(gatewayLimitsEnvSchema.parse({}).TRUST_PROXY_HOPS).toBe(0);
    expect(gatewayLimitsEnvSchema.parse({ TRUST_PROXY_HOPS: "1" }).TRUST_PROXY_HOPS).toBe(1);
  });

  it("when it is not a small whole number then the configuration is refused", () => {
    for (const hops of ["true", "-1", "1.5", "6"])
      expect(gatewayLimitsEnvSchema.safeParse({ TRUST_PROXY_HOPS: hops }).success).toBe(false);
  });

  it("when the old TRUST_PROXY is set then it is refused, naming its replacement", () => {
    const result = gatewayLimitsEnvSchema.safeParse({ TRUST_PROXY: "true" });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toContain("TRUST_PROXY_HOPS");
  });
});
