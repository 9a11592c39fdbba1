import { type Cache, noCache, type ServiceDeps } from "@stockwiz/core";
import { connectConfiguredCache } from "../cache/redis-client.ts";
import { databaseTarget, type StoreEnv } from "../config/store-config.ts";
import { openDatabase } from "../database/open-database.ts";
import type { Logger } from "../logger.ts";

export interface OpenStores {
  deps: ServiceDeps;
  close(): Promise<void>;
}

export interface OpenStoresOptions {
  /**
   * The cache to use when REDIS_URL is unset. Only a cache shared by every writer is safe, so a
   * service on its own gets none, and the all-in-one process passes its in-memory one.
   */
  fallbackCache?: Cache;
}

export async function openStores(
  env: StoreEnv,
  logger: Logger,
  options: OpenStoresOptions = {},
): Promise<OpenStores> {
  const db = await openDatabase(databaseTarget(env), logger);
  const redis = connectConfiguredCache(env, logger);
  const cache = redis?.cache ?? options.fallbackCache ?? noCache;
  return {
    deps: { db, cache, clock: () => new Date() },
    close: async () => {
      await redis?.close();
      await db.destroy();
    },
  };
}
