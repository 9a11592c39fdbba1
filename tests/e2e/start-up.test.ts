import { cacheKeys } from "@stockwiz/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePorts } from "../kit/free-ports.ts";
import { pollUntil } from "../kit/poll-until.ts";
import { waitForHealth } from "../kit/process/wait-for-health.ts";
import { createScratchDatabase } from "../kit/stores/scratch-database.ts";
import {
  cacheHolds,
  newRedisKeyPrefix,
  redisUrl,
  removeCacheKeys,
} from "../kit/stores/scratch-redis.ts";
import { type E2eStack, startE2eStack, stopAndExpectCleanExit } from "./harness/e2e-stack.ts";
import { createProductWithStock, type Product } from "./harness/fixtures.ts";
import { call } from "./harness/http-client.ts";
import { spawnService } from "./harness/service-process.ts";

// How the processes start: a database they cannot reach is fatal and said plainly; a Redis
// they cannot reach is not (CONTRACT.md §7).

describe("a database that cannot be reached at start", () => {
  it.each(["product-service", "inventory-service"] as const)(
    "when the %s is pointed at a closed port then it exits with code 1 and one stderr line naming the database, password masked",
    async (name) => {
      // Just released by the kernel, so nothing listens there.
      const [closedPort, servicePort] = await freePorts(2);
      const database = `127.0.0.1:${closedPort}/stockwiz_unreachable`;

      const service = spawnService(name, servicePort as number, {
        LOG_LEVEL: "warn",
        DATABASE_URL: `postgres://stockwiz_e2e:s3cret-Pa55@${database}`,
      });
      const exit = await service.exited;

      expect(exit).toEqual({ code: 1, signal: null });
      const stderr = service.stderr().trim();
      expect(stderr.split("\n")).toHaveLength(1);
      expect(stderr).toContain(database);
      expect(stderr).toContain("stockwiz_e2e:****@");
      expect(stderr).not.toContain("s3cret-Pa55");
    },
  );
});

describe("a Redis that cannot be reached at start", () => {
  let stack: E2eStack;

  beforeAll(async () => {
    const [closedPort] = await freePorts(1);
    stack = await startE2eStack({ redisUrl: `redis://127.0.0.1:${closedPort}` });
  });

  afterAll(async () => {
    await stopAndExpectCleanExit(stack);
  });

  it("when every service started without its cache then /health says all healthy", async () => {
    const answer = await call(`${stack.gateway.url}/health`);

    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      status: "healthy",
      downstream_services: { product_service: "healthy", inventory_service: "healthy" },
    });
  });

  it("when a product and its stock are written then every read answers them from the database", async () => {
    const { product, stock } = await createProductWithStock(stack, { price: 5 });
    const put = await call(`${stack.gateway.url}/api/products/${product.id}`, {
      method: "PUT",
      body: { price: 6 },
    });

    const merged = await call(`${stack.gateway.url}/api/products/${product.id}`);
    const full = await call(`${stack.gateway.url}/api/products-full`);
    const byProduct = await call(`${stack.gateway.url}/api/inventory/product/${product.id}`);

    expect(put.status).toBe(200);
    const expected = {
      ...product,
      price: 6,
      inventory: { quantity: 7, warehouse: "Warehouse E2E" },
    };
    expect(merged.body).toEqual(expected);
    expect((full.body as Product[]).find((entry) => entry.id === product.id)).toEqual(expected);
    expect(byProduct.body).toEqual(stock);
  });
});

describe("REDIS_URL in legacy's bare form", () => {
  it("when REDIS_URL is host:port without a scheme then the service starts and caches its reads", async () => {
    const database = await createScratchDatabase();
    const prefix = newRedisKeyPrefix("e2e");
    const [port] = await freePorts(1);
    const bare = new URL(redisUrl).host; // e.g. 127.0.0.1:6379
    const service = spawnService("product-service", port as number, {
      LOG_LEVEL: "warn",
      DATABASE_URL: database.url,
      REDIS_URL: bare,
      REDIS_KEY_PREFIX: prefix,
    });
    try {
      await waitForHealth(service, service.url);

      // Reads until the product is cached: the client connects in the background.
      await pollUntil("product 1 in the cache", async () => {
        expect((await call(`${service.url}/products/1`)).status).toBe(200);
        return cacheHolds(prefix, cacheKeys.product(1));
      });

      expect(await service.stop()).toEqual({ code: 0, signal: null });
    } finally {
      await service.stop();
      await Promise.all([database.drop(), removeCacheKeys(prefix)]);
    }
  });
});
