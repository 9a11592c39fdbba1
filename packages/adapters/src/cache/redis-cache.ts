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

  // Entries are served only while trusted. Trust is lost when Redis goes away or a command
  // fails (an invalidation of ours or of another process may be lost), and comes back only once
  // the namespace has been cleared; until then every read goes to the database.
  let trusted = false;
  let needsClearing = false;
  let clearing: Promise<void> | undefined;

  async function sendInvalidation(keys: readonly string[]): Promise<void> {
    await redis
      .multi()
      .del(...keys)
      .incr(generationKey)
      .exec();
  }

  /**
   * Forgets every cached entry of this namespace. The generation moves first, so a fill that
   * raced the clearing is refused.
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

  function regainTrust(): void {
    if (redis.status !== "ready" || clearing !== undefined) return;
    if (!needsClearing) {
      trusted = true;
      return;
    }
    clearing = forgetEverything()
      .then(
        () => {
          needsClearing = false;
          trusted = true;
        },
        () => {
          // Still reachable? Try again shortly; otherwise the next "ready" will.
          setTimeout(regainTrust, 1_000).unref();
        },
      )
      .finally(() => {
        clearing = undefined;
      });
  }

  function distrust(): void {
    trusted = false;
    needsClearing = true;
    regainTrust();
  }

  redis.on("ready", () => {
    logger.info("cache connected");
    regainTrust();
  });
  redis.on("error", (error) => {
    if (trusted) logger.warn({ err: error }, "cache unreachable; reading from the database");
    distrust();
  });
  redis.on("close", distrust);

  const cache: Cache = {
    async get(key) {
      if (!trusted) return null;
      try {
        return await redis.get(key);
      } catch {
        distrust();
        return null;
      }
    },
    async generation() {
      if (!trusted) return "unavailable"; // never equal to a stored generation: no write-back
      try {
        return (await redis.get(generationKey)) ?? "0";
      } catch {
        distrust();
        return "unavailable";
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
        distrust(); // cleared in full when Redis answers again
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
