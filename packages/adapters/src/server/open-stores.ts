import type { ServiceDeps } from "@stockwiz/core";
import { connectConfiguredCache } from "../cache/redis-client.ts";
import { noSharedCache, type SharedCache } from "../cache/shared-cache.ts";
import { databaseTarget, type StoreEnv } from "../config/store-config.ts";
import { openDatabase } from "../database/open-database.ts";
import type { Logger } from "../logger.ts";

export interface OpenStores {
  /** The cache as the processes' copy tiers see it too (the all-in-one's gateway shares it). */
  deps: ServiceDeps & { cache: SharedCache };
  close(): Promise<void>;
}

export interface OpenStoresOptions {
  /**
   * The cache to use when REDIS_URL is unset. Only a cache shared by every writer is safe, so a
   * service on its own gets none, and the all-in-one process passes its in-memory one.
   */
  fallbackCache?: SharedCache;
}

export async function openStores(
  env: StoreEnv,
  logger: Logger,
  options: OpenStoresOptions = {},
): Promise<OpenStores> {
  const db = await openDatabase(databaseTarget(env), logger);
  const redis = connectConfiguredCache(env, logger);
  const cache = redis?.cache ?? options.fallbackCache ?? noSharedCache;
  return {
    deps: { db, cache, clock: () => new Date() },
    close: async () => {
      await redis?.close();
      await db.destroy();
    },
  };
}
