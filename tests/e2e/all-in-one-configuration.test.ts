import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { cacheKeys } from "@stockwiz/core";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePorts } from "../kit/free-ports.ts";
import { pollUntil } from "../kit/poll-until.ts";
import { type LaunchedProcess, launchNode } from "../kit/process/launch.ts";
import { saysHealthy, waitForHealth } from "../kit/process/wait-for-health.ts";
import { waitForOutput } from "../kit/process/wait-for-output.ts";
import { createScratchDatabase, type ScratchDatabase } from "../kit/stores/scratch-database.ts";
import { cacheHolds, newRedisKeyPrefix, removeCacheKeys } from "../kit/stores/scratch-redis.ts";
import { call, expectProblem } from "./harness/http-client.ts";

// Issue 15: `npm start` reads every variable of the README's table with the loaders the parts
// use alone. Here on the machine's PostgreSQL and Redis, behind one trusted proxy, with a short
// upstream timeout and a small rate limit; a row lock held by the test stalls the product service.

const upstreamTimeoutMs = 400;
const ratePerMinute = 3;
let database: ScratchDatabase;
let redisKeyPrefix: string;
let stack: LaunchedProcess;
let gateway: string;
let productService: string;
/** A product this file made, and a connection that can lock its row. */
let productId: number;
let locker: pg.Client;

beforeAll(async () => {
  database = await createScratchDatabase();
  redisKeyPrefix = newRedisKeyPrefix("all-in-one");
  const [gatewayPort, productPort, inventoryPort] = await freePorts(3);
  gateway = `http://127.0.0.1:${gatewayPort}`;
  productService = `http://127.0.0.1:${productPort}`;
  stack = launchNode("packages/all-in-one/src/main.ts", {
    name: "all-in-one",
    env: {
      DATABASE_URL: database.url,
      REDIS_URL: "127.0.0.1:6379", // the legacy bare form
      REDIS_KEY_PREFIX: redisKeyPrefix,
      GATEWAY_PORT: String(gatewayPort),
      PRODUCT_SERVICE_PORT: String(productPort),
      INVENTORY_SERVICE_PORT: String(inventoryPort),
      UPSTREAM_TIMEOUT_MS: String(upstreamTimeoutMs),
      TRUST_PROXY_HOPS: "1",
      RATE_LIMIT_PER_MINUTE: String(ratePerMinute),
      // Info, for the "shutting down" line the drain below waits for.
      LOG_LEVEL: "info",
    },
  });
  await waitForHealth(stack, gateway, { ready: saysHealthy });
  locker = new pg.Client({ connectionString: database.url });
  await locker.connect();
  const { rows } = await locker.query<{ id: number }>(
    "INSERT INTO products (name, price) VALUES ('Lockable', 10) RETURNING id",
  );
  productId = rows[0]?.id as number;
});
afterAll(async () => {
  await stack?.stop();
  await locker?.end();
  await database?.drop();
  await removeCacheKeys(redisKeyPrefix);
});

/** Holds the product's row until the returned release runs: its writers wait on the lock. */
async function lockProductRow(): Promise<() => Promise<void>> {
  await locker.query("BEGIN");
  await locker.query("SELECT id FROM products WHERE id = $1 FOR UPDATE", [productId]);
  return async () => {
    await locker.query("ROLLBACK");
  };
}

/** Whether another session of this database is waiting for a lock: the stalled write. */
const writerWaits = async () =>
  (
    await locker.query(
      `SELECT 1 FROM pg_stat_activity
       WHERE datname = current_database() AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()`,
    )
  ).rowCount !== 0;

const priceOfProduct = async () =>
  Number(
    (await locker.query<{ price: string }>("SELECT price FROM products WHERE id = $1", [productId]))
      .rows[0]?.price,
  );

/** As the proxy in front sends it: the client's address appended to X-Forwarded-For. */
const through = (forwardedFor: string) => ({ headers: { "x-forwarded-for": forwardedFor } });

describe("npm start on PostgreSQL and Redis, configured", () => {
  it("when a merged product is read then it is cached in REDIS_URL's Redis under REDIS_KEY_PREFIX", async () => {
    // A process trusts Redis once it has connected and cleared its namespace: until then reads
    // go to the database. Straight to the service, so the rate limit below is not spent here.
    await pollUntil("a read that fills the cache", async () => {
      const answer = await call(`${productService}/api/products/${productId}`);
      expect(answer.body).toMatchObject({ id: productId, name: "Lockable" });
      return cacheHolds(redisKeyPrefix, cacheKeys.mergedProduct(productId));
    });
  });

  it("when clients come through one proxy then TRUST_PROXY_HOPS gives each its own RATE_LIMIT_PER_MINUTE", async () => {
    const statusFor = async (forwardedFor: string) =>
      (await call(`${gateway}/api/products`, through(forwardedFor))).status;
    const first = [];
    for (let i = 0; i < ratePerMinute; i += 1) first.push(await statusFor("203.0.113.10"));

    expect(first).toEqual([200, 200, 200]);
    // What a client writes left of the proxy's entry is not its address.
    expect(await statusFor("198.51.100.7, 203.0.113.10")).toBe(429);
    expect(await statusFor("203.0.113.20")).toBe(200);
  });

  it("when the product service stalls then the gateway answers 504 after UPSTREAM_TIMEOUT_MS", async () => {
    const release = await lockProductRow();
    try {
      const answer = await call(`${gateway}/api/products/${productId}`, {
        method: "PUT",
        body: { price: 11 },
        ...through("203.0.113.30"),
      });

      expectProblem(
        answer,
        504,
        `product-service did not answer in time (timeout ${upstreamTimeoutMs} ms)`,
      );
      // The gateway gave up; the service was still at work on the write.
      expect(await writerWaits()).toBe(true);
    } finally {
      await release();
    }
    // A 504 does not undo the write: it lands once the lock goes, before the next test locks.
    await pollUntil("the stalled write to land", async () => (await priceOfProduct()) === 11);
  });

  it("when SIGTERM arrives while a write waits then the write is answered and the process exits 0", async () => {
    const release = await lockProductRow();
    const write = call(`${productService}/products/${productId}`, {
      method: "PUT",
      body: { price: 12 },
    });
    await pollUntil("the write waiting on the row lock", writerWaits);

    const exited = stack.stop();
    await waitForOutput(stack, '"msg":"shutting down"');
    await release();

    const answer = await write;
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ id: productId, price: 12 });
    expect(await exited).toEqual({ code: 0, signal: null });
  });
});

describe("npm start misconfigured", () => {
  it("when the retired TRUST_PROXY is set then it stops at once, naming it, before opening any store", async () => {
    const dataDir = path.join(await mkdtemp(path.join(tmpdir(), "stockwiz-refused-")), "data");
    const [gatewayPort, productPort, inventoryPort] = await freePorts(3);
    const refused = launchNode("packages/all-in-one/src/main.ts", {
      name: "all-in-one refusing TRUST_PROXY",
      env: {
        STOCKWIZ_DATA_DIR: dataDir,
        GATEWAY_PORT: String(gatewayPort),
        PRODUCT_SERVICE_PORT: String(productPort),
        INVENTORY_SERVICE_PORT: String(inventoryPort),
        TRUST_PROXY: "true",
      },
    });

    expect(await refused.exited).toEqual({ code: 1, signal: null });
    expect(refused.stderr()).toContain("TRUST_PROXY: replaced by TRUST_PROXY_HOPS");
    // The embedded database was never opened: its folder does not exist.
    await expect(readdir(dataDir)).rejects.toMatchObject({ code: "ENOENT" });
    await rm(path.dirname(dataDir), { recursive: true, force: true });
  });
});
