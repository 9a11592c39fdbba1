import { cacheKeys, chunkOfProduct } from "@stockwiz/core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { pollUntil } from "../kit/poll-until.ts";
import { cacheHolds, redisAddress, removeCacheKey } from "../kit/stores/scratch-redis.ts";
import { startTcpRelay, type TcpRelay } from "../kit/tcp-relay.ts";
import { type E2eStack, startE2eStack, stopAndExpectCleanExit } from "./harness/e2e-stack.ts";
import {
  type ReadPaths,
  readEveryPath,
  type Seen,
  warmEveryPath,
} from "./harness/every-read-path.ts";
import { createProductWithStock, type Inventory, type Product } from "./harness/fixtures.ts";
import { type Answer, call } from "./harness/http-client.ts";
import type { ServiceName } from "./harness/service-process.ts";

// CONTRACT.md §7: with Redis unreachable every endpoint answers correctly from the database,
// the services reconnect by themselves, and a write acknowledged meanwhile is never followed by
// a read of the old state. Each service reaches Redis through its own relay, so a test can take
// Redis away and give it back service by service.

let stack: E2eStack;
let relays: Record<ServiceName, TcpRelay>;

beforeAll(async () => {
  const [gateway, product, inventory] = await Promise.all(
    [0, 1, 2].map(() => startTcpRelay(redisAddress)),
  );
  relays = {
    "api-gateway": gateway as TcpRelay,
    "product-service": product as TcpRelay,
    "inventory-service": inventory as TcpRelay,
  };
  const through = (name: ServiceName) => `redis://127.0.0.1:${relays[name].port}`;
  stack = await startE2eStack({
    redisUrlOf: {
      "api-gateway": through("api-gateway"),
      "product-service": through("product-service"),
      "inventory-service": through("inventory-service"),
    },
  });
});

afterAll(async () => {
  try {
    await stopAndExpectCleanExit(stack);
  } finally {
    await Promise.all(Object.values(relays ?? {}).map((relay) => relay.close()));
  }
});

const everyRelay = () => Object.values(relays);

// Each test starts with every service connected to Redis, whatever the previous one left.
afterEach(async () => {
  const names = Object.keys(relays) as ServiceName[];
  await restore(...names.filter((name) => relays[name].isCut()));
});

// A Redis outage: the port closed, so reconnecting fails at once until it is back.
const cutAll = () => Promise.all(everyRelay().map((relay) => relay.cut("refuse")));

/** A read only this service answers from its cache, and the key it fills. */
const probeOf = (name: ServiceName) =>
  ({
    "product-service": { url: `${stack.productService.url}/products/1`, key: cacheKeys.product(1) },
    "inventory-service": {
      url: `${stack.inventoryService.url}/inventory`,
      key: cacheKeys.inventoryList(),
    },
    "api-gateway": {
      url: `${stack.gateway.url}/api/products-full`,
      key: cacheKeys.catalogueChunk(chunkOfProduct(1)),
    },
  })[name];

/**
 * Gives Redis back to the services named, and waits until each trusts its cache again. A
 * service that got Redis back first clears its namespace (another process may have written
 * meanwhile), a moment later; only then does it fill the cache again. Waiting for a fill of
 * a key removed beforehand waits for that clearing, which would otherwise delete what the
 * next step caches.
 */
async function restore(...names: ServiceName[]) {
  for (const name of names) {
    await relays[name].restore();
    await pollUntil(`${name} to reconnect to Redis`, () => relays[name].answeredSinceRestore());
    const probe = probeOf(name);
    await removeCacheKey(stack.redisKeyPrefix, probe.key);
    await pollUntil(`${name} to trust its cache again`, async () => {
      await call(probe.url);
      return cacheHolds(stack.redisKeyPrefix, probe.key);
    });
  }
}

/**
 * Repeats a read (bounded) until the service behind `relay` consulted Redis for it: a service
 * that has not finished reconnecting reads the database, which would prove nothing.
 */
async function readThroughCache(relay: TcpRelay, read: () => Promise<Answer>): Promise<Answer> {
  let answer: Answer | undefined;
  await pollUntil("a read that went through the cache", async () => {
    const before = relay.chunksToTarget();
    answer = await read();
    return relay.chunksToTarget() > before;
  });
  return answer as Answer;
}

const priceSeen = (seen: Seen, id: number) => {
  const body = seen.answer.body;
  const product = Array.isArray(body) ? (body as Product[]).find((p) => p.id === id) : body;
  return (product as Product | undefined)?.price;
};

function expectPriceEverywhere(views: ReadPaths, id: number, price: number) {
  for (const seen of [...views.merged, ...views.product, ...views.productLists, ...views.full]) {
    expect.soft(seen.answer.status, seen.label).toBe(200);
    expect.soft(priceSeen(seen, id), seen.label).toBe(price);
  }
}

describe("Redis going away and coming back", () => {
  it("when Redis is down then a price written meanwhile is what every path reads, and after it is back the cache fills again", async () => {
    const { product, stock } = await createProductWithStock(stack, { price: 10 });
    const subject = { productId: product.id, stockId: stock.id };
    await warmEveryPath(stack, subject);
    await cutAll();

    const put = await call(`${stack.productService.url}/products/${product.id}`, {
      method: "PUT",
      body: { price: 11 },
    });

    expect(put.status).toBe(200);
    expectPriceEverywhere(await readEveryPath(stack, subject), product.id, 11);
    // The old price is still in Redis: only the re-sent invalidation can clear it.
    expect(await cacheHolds(stack.redisKeyPrefix, cacheKeys.mergedProduct(product.id))).toBe(true);
    await restore("product-service", "inventory-service", "api-gateway");
    await pollUntil(
      "the write's invalidation to reach Redis",
      async () => !(await cacheHolds(stack.redisKeyPrefix, cacheKeys.mergedProduct(product.id))),
    );
    await pollUntil("the product service to cache the merged view again", async () => {
      await call(`${stack.productService.url}/api/products/${product.id}`);
      return cacheHolds(stack.redisKeyPrefix, cacheKeys.mergedProduct(product.id));
    });
    expectPriceEverywhere(await warmEveryPath(stack, subject), product.id, 11);
  });

  it("when the gateway gets Redis back before the product service then products-full does not serve the price written during the outage", async () => {
    const { product, stock } = await createProductWithStock(stack, { price: 20 });
    await warmEveryPath(stack, { productId: product.id, stockId: stock.id });
    const chunk = cacheKeys.catalogueChunk(chunkOfProduct(product.id));
    expect(await cacheHolds(stack.redisKeyPrefix, chunk)).toBe(true);
    await cutAll();
    const put = await call(`${stack.productService.url}/products/${product.id}`, {
      method: "PUT",
      body: { price: 21 },
    });
    expect(put.status).toBe(200);

    await restore("api-gateway");
    const full = await readThroughCache(relays["api-gateway"], () =>
      call(`${stack.gateway.url}/api/products-full`),
    );

    expect(full.status).toBe(200);
    expect((full.body as Product[]).find((p) => p.id === product.id)?.price).toBe(21);
  });

  it("when the product service gets Redis back before the inventory service then the merged view does not serve the quantity written during the outage", async () => {
    const { product, stock } = await createProductWithStock(stack, {}, { quantity: 30 });
    await warmEveryPath(stack, { productId: product.id, stockId: stock.id });
    expect(await cacheHolds(stack.redisKeyPrefix, cacheKeys.mergedProduct(product.id))).toBe(true);
    await cutAll();
    const put = await call(`${stack.inventoryService.url}/inventory/${stock.id}`, {
      method: "PUT",
      body: { quantity: 31 },
    });
    expect(put.status).toBe(200);
    expect((put.body as Inventory).quantity).toBe(31);

    await restore("product-service");
    const merged = await readThroughCache(relays["product-service"], () =>
      call(`${stack.productService.url}/api/products/${product.id}`),
    );

    expect(merged.status).toBe(200);
    expect(merged.body).toMatchObject({ inventory: { quantity: 31 } });
  });
});
