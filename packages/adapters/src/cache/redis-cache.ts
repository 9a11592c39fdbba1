import type { Cache } from "@stockwiz/core";
import { Redis } from "ioredis";
import type { CacheEnv } from "../config/store-config.ts";
import type { Logger } from "../logger.ts";

const generationKey = "cache-generation";

// Sets the value only if no invalidation happened since the reader took its generation token.
const setIfUnchangedScript = `
if (redis.call('GET', KEYS[1]) or '0') == ARGV[1] then
  redis.call('SET', KEYS[2], ARGV[2], 'EX', ARGV[3])
end
return 0`;

type ScriptedRedis = Redis & {
  setIfUnchanged(
    genKey: string,
    key: string,
    seen: string,
    value: string,
    ttl: number,
  ): Promise<number>;
};

export interface RedisCacheOptions {
  url: string;
  /** Bound on one command, so a dying Redis slows no request by more than this. */
  commandTimeoutMs?: number;
  keyPrefix?: string;
}

export interface RedisCache {
  cache: Cache;
  close(): Promise<void>;
}

/**
 * Redis as a cache that can fail: commands are not queued while disconnected (they fail at once
 * and the caller reads the database), reconnection is endless, and after any outage or failed
 * command the process clears the namespace when Redis answers again.
 */
export function createRedisCache(options: RedisCacheOptions, logger: Logger): RedisCache {
  const keyPrefix = options.keyPrefix ?? "stockwiz:";
  const redis = new Redis(options.url, {
    keyPrefix,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    commandTimeout: options.commandTimeoutMs ?? 250,
    enableAutoPipelining: true,
    retryStrategy: (attempt) => Math.min(attempt * 100, 2_000),
  }) as ScriptedRedis;
  redis.defineCommand("setIfUnchanged", { numberOfKeys: 2, lua: setIfUnchangedScript });

  // Set when this process may have missed or failed to send an invalidation: Redis went away
  // while we were connected, or a command failed. Whatever Redis holds may then be stale.
  let mayBeStale = false;
  let reachable = false;

  async function sendInvalidation(keys: readonly string[]): Promise<void> {
    await redis
      .multi()
      .del(...keys)
      .incr(generationKey)
      .exec();
  }

  /**
   * Forgets every cached entry of this namespace. Another process may have written while we
   * (or it) could not reach Redis; its invalidation is lost to us, so nothing cached is trusted.
   * The generation moves first, so a fill that raced the clearing is refused.
   */
  async function forgetEverything(): Promise<void> {
    await redis.incr(generationKey);
    let cursor = "0";
    do {
      const [next, keys] = await redis.scan(cursor, "MATCH", `${keyPrefix}*`, "COUNT", 500);
      cursor = next;
      // SCAN answers full names; DEL adds the prefix itself.
      const names = keys
        .map((key) => key.slice(keyPrefix.length))
        .filter((key) => key !== generationKey);
      if (names.length > 0) await redis.del(...names);
    } while (cursor !== "0");
    await redis.incr(generationKey);
  }

  redis.on("ready", () => {
    reachable = true;
    logger.info("cache connected");
    if (!mayBeStale) return;
    mayBeStale = false;
    forgetEverything().catch(() => {
      mayBeStale = true;
    });
  });
  redis.on("error", (error) => {
    if (reachable) logger.warn({ err: error }, "cache unreachable; reading from the database");
    reachable = false;
    mayBeStale = true;
  });
  redis.on("close", () => {
    if (reachable) mayBeStale = true;
    reachable = false;
  });

  const cache: Cache = {
    async get(key) {
      try {
        return await redis.get(key);
      } catch {
        mayBeStale = true;
        return null;
      }
    },
    async generation() {
      try {
        return (await redis.get(generationKey)) ?? "0";
      } catch {
        mayBeStale = true;
        return "unavailable"; // never equal to a stored generation: nothing gets written back
      }
    },
    async setIfUnchanged(key, value, ttlSeconds, seen) {
      if (seen === "unavailable") return;
      try {
        await redis.setIfUnchanged(generationKey, key, seen, value, ttlSeconds);
      } catch {
        // a cache that cannot be filled is only slower
      }
    },
    async invalidate(keys) {
      try {
        await sendInvalidation(keys);
      } catch {
        mayBeStale = true; // cleared in full when Redis answers again
      }
    },
  };

  return {
    cache,
    close: async () => {
      redis.disconnect();
    },
  };
}

/** The shared Redis cache when REDIS_URL is set. */
export const connectConfiguredCache = (env: CacheEnv, logger: Logger): RedisCache | undefined =>
  env.REDIS_URL === undefined
    ? undefined
    : createRedisCache({ url: env.REDIS_URL, keyPrefix: env.REDIS_KEY_PREFIX }, logger);
