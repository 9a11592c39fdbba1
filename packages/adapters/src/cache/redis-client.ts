import { Redis, type RedisOptions } from "ioredis";
import type { CacheEnv } from "../config/store-config.ts";
import type { Logger } from "../logger.ts";
import { createRedisCache, type RedisCache } from "./redis-cache.ts";

/**
 * The client the Redis cache expects: commands are never queued while Redis is away (they fail
 * at once and the caller reads the database), each is bounded so a dying Redis slows no request
 * by more than `commandTimeout`, and reconnection never stops. `overrides` are for tests.
 */
export function createRedisClient(
  url: string,
  options: { keyPrefix?: string },
  overrides: RedisOptions = {},
): Redis {
  return new Redis(url, {
    keyPrefix: options.keyPrefix ?? "stockwiz:",
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    commandTimeout: 250,
    enableAutoPipelining: true,
    retryStrategy: (attempt) => Math.min(attempt * 100, 2_000),
    ...overrides,
  });
}

/** The shared Redis cache when REDIS_URL is set. */
export const connectConfiguredCache = (env: CacheEnv, logger: Logger): RedisCache | undefined =>
  env.REDIS_URL === undefined
    ? undefined
    : createRedisCache(
        createRedisClient(env.REDIS_URL, { keyPrefix: env.REDIS_KEY_PREFIX }),
        logger,
      );
