import { ensureWebBuild, webDistDir } from "@stockwiz/web";
import { expect } from "vitest";
import { freePorts } from "../../kit/free-ports.ts";
import type { ProcessExit } from "../../kit/process/launch.ts";
import { saysHealthy, waitForHealth } from "../../kit/process/wait-for-health.ts";
import { createScratchDatabase, type ScratchDatabase } from "../../kit/stores/scratch-database.ts";
import { newRedisKeyPrefix, redisUrl, removeCacheKeys } from "../../kit/stores/scratch-redis.ts";
import { type ServiceName, type ServiceProcess, spawnService } from "./service-process.ts";

export interface E2eStack {
  readonly database: ScratchDatabase;
  readonly redisKeyPrefix: string;
  readonly gateway: ServiceProcess;
  readonly productService: ServiceProcess;
  readonly inventoryService: ServiceProcess;
}

/** What a client reaches: the gateway and the two services, whatever runs them. */
export type ReachableStack = {
  readonly [part in "gateway" | "productService" | "inventoryService"]: { readonly url: string };
};

export interface E2eStackOptions {
  /** `info` when a test reads the services' request logs; `warn` keeps runs quiet. */
  logLevel?: "warn" | "info";
  /** Another Redis than the real one, e.g. a closed port to run without a cache. */
  redisUrl?: string;
  /** A Redis per service (relays a test can cut), overriding `redisUrl`. */
  redisUrlOf?: Partial<Record<ServiceName, string>>;
}

const servicesOf = (stack: E2eStack): ServiceProcess[] => [
  stack.gateway,
  stack.productService,
  stack.inventoryService,
];

/**
 * The three services as separate processes on a fresh database and the real Redis (a key
 * prefix of their own), started together as ECS would, and healthy when this resolves.
 */
export async function startE2eStack(options: E2eStackOptions = {}): Promise<E2eStack> {
  // The gateway serves a built page and never builds one: built here as `npm start` builds it.
  const [database] = await Promise.all([createScratchDatabase(), ensureWebBuild()]);
  const redisKeyPrefix = newRedisKeyPrefix("e2e");
  const [gatewayPort, productPort, inventoryPort] = await freePorts(3);
  const envFor = (name: ServiceName) => ({
    LOG_LEVEL: options.logLevel ?? "warn",
    REDIS_URL: options.redisUrlOf?.[name] ?? options.redisUrl ?? redisUrl,
    REDIS_KEY_PREFIX: redisKeyPrefix,
  });
  const stores = (name: ServiceName) => ({ ...envFor(name), DATABASE_URL: database.url });
  const productService = spawnService(
    "product-service",
    productPort as number,
    stores("product-service"),
  );
  const inventoryService = spawnService(
    "inventory-service",
    inventoryPort as number,
    stores("inventory-service"),
  );
  const gateway = spawnService("api-gateway", gatewayPort as number, {
    ...envFor("api-gateway"),
    PRODUCT_SERVICE_URL: productService.url,
    INVENTORY_SERVICE_URL: inventoryService.url,
    UPSTREAM_TIMEOUT_MS: "5000",
    STOCKWIZ_WEB_DIST: webDistDir,
  });
  const stack = { database, redisKeyPrefix, gateway, productService, inventoryService };
  try {
    // Ready as a client finds it: both services up, and the gateway vouching for both. The
    // gateway keeps what it last saw of a service for a second; without this, what it saw while
    // the services were still starting could still be its answer.
    await Promise.all([
      waitForHealth(productService, productService.url),
      waitForHealth(inventoryService, inventoryService.url),
      waitForHealth(gateway, gateway.url, { ready: saysHealthy }),
    ]);
  } catch (error) {
    await Promise.all(servicesOf(stack).map((service) => service.stop()));
    await disposeStores(stack);
    throw error;
  }
  return stack;
}

async function disposeStores(stack: Pick<E2eStack, "database" | "redisKeyPrefix">) {
  await Promise.all([stack.database.drop(), removeCacheKeys(stack.redisKeyPrefix)]);
}

/** SIGTERMs whatever still runs and returns each service's exit. */
export async function stopE2eStack(stack: E2eStack): Promise<Record<ServiceName, ProcessExit>> {
  const [gateway, product, inventory] = await Promise.all(
    servicesOf(stack).map((service) => service.stop()),
  );
  return {
    "api-gateway": gateway as ProcessExit,
    "product-service": product as ProcessExit,
    "inventory-service": inventory as ProcessExit,
  };
}

/**
 * The afterAll of every file: stop, drop the database and the keys, then require that every
 * service left with code 0 (graceful shutdown on SIGTERM).
 */
export async function stopAndExpectCleanExit(stack: E2eStack | undefined): Promise<void> {
  if (stack === undefined) return; // beforeAll failed and already cleaned up
  let exits: Record<ServiceName, ProcessExit>;
  try {
    exits = await stopE2eStack(stack);
  } finally {
    await disposeStores(stack);
  }
  const clean = { code: 0, signal: null };
  expect(exits).toEqual({
    "api-gateway": clean,
    "product-service": clean,
    "inventory-service": clean,
  });
}
