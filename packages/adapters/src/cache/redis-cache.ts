import { randomInt } from "node:crypto";
import { type Cache, perTurnRead } from "@stockwiz/core";
import { Redis } from "ioredis";
import type { CacheEnv } from "../config/store-config.ts";
import type { Logger } from "../logger.ts";
import { GenerationCopies } from "./generation-copies.ts";

const generationKey = "cache-generation";

// Sets the value only if no invalidation happened since the reader took its generation token.
const setIfUnchangedScript = `
if redis.call('GET', KEYS[1]) == ARGV[1] then
  redis.call('SET', KEYS[2], ARGV[2], 'EX', ARGV[3])
  return 1
end
return 0`;

// Deletes KEYS[2..] and moves the generation (KEYS[1]) on, in one step. A generation that has
// to be created starts at a random number: a namespace wiped behind our back (FLUSHDB, a
// restarted Redis) must never count up again to a token some process still holds.
const invalidateScript = `
for i = 2, #KEYS do
  redis.call('DEL', KEYS[i])
end
if redis.call('EXISTS', KEYS[1]) == 0 then
  redis.call('SET', KEYS[1], ARGV[1])
end
return redis.call('INCR', KEYS[1])`;

const randomStart = () => String(randomInt(1, 2 ** 47));

type ScriptedRedis = Redis & {
  setIfUnchanged(
    genKey: string,
    key: string,
    seen: string,
    value: string,
    ttl: number,
  ): Promise<number>;
  invalidate(keyCount: number, genKey: string, ...keysThenStart: string[]): Promise<number>;
};

export interface RedisCacheOptions {
  url: string;
  /** Bound on one command, so a dying Redis slows no request by more than this. */
  commandTimeoutMs?: number;
  keyPrefix?: string;
  /** Bytes of values kept in the process (near copies) besides Redis. */
  nearCopyBytes?: number;
}

/**
 * How long a near copy may live. Copies are checked against the generation on every read, so
 * this only bounds how much longer than Redis's own TTL a copy outlives an invalidation that
 * was lost (a writer cut off from Redis).
 */
const nearCopyTtlMs = 5_000;

export interface RedisCache {
  cache: Cache;
  close(): Promise<void>;
}

/**
 * Redis as a cache that can fail: commands are not queued while disconnected (they fail at once
 * and the caller reads the database), reconnection is endless, and after any outage or failed
 * command the process clears the namespace when Redis answers again.
 *
 * Values read or written are also kept in the process as near copies, tagged with the
 * generation they were valid under. A read first fetches the current generation (one round
 * trip shared by every read that arrived meanwhile, see `perTurnRead`) and serves the near
 * copy only if the generation has not moved: any write anywhere moves it, so a near copy is
 * never older than the last acknowledged write, and hot keys cost no value transfer.
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
  redis.defineCommand("invalidate", { lua: invalidateScript });
  const nearCopies = new GenerationCopies<string>({
    maxBytes: options.nearCopyBytes ?? 32 * 1024 * 1024,
    ttlMs: nearCopyTtlMs,
    bytesOf: (value) => value.length,
  });

  // Entries are served only while trusted. Trust is lost when Redis goes away or a command
  // fails (an invalidation of ours or of another process may be lost), and comes back only
  // after a clearing of the namespace that began after the last loss; until then every read
  // goes to the database. When trust is lost again soon after it came back (a Redis that keeps
  // timing out), the next clearing waits longer each time, so a struggling Redis is not
  // scanned over and over.
  let trusted = false;
  let trustedAt = 0;
  let losses = 0;
  let clearedUpTo = 0;
  let clearing = false;
  let pauseMs = 0;
  let waiting: NodeJS.Timeout | undefined;

  const sendInvalidation = (keys: readonly string[]) =>
    redis.invalidate(1 + keys.length, generationKey, ...keys, randomStart());

  /**
   * Forgets every cached entry of this namespace. The generation moves first, so a fill that
   * raced the clearing is refused.
   */
  async function forgetEverything(): Promise<void> {
    await sendInvalidation([]);
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
    await sendInvalidation([]);
  }

  function regainTrust(): void {
    if (redis.status !== "ready" || clearing || waiting !== undefined) return;
    if (clearedUpTo === losses) {
      trusted = true;
      trustedAt = performance.now();
      return;
    }
    const upTo = losses;
    clearing = true;
    forgetEverything().then(
      () => {
        clearing = false;
        clearedUpTo = upTo;
        regainTrust(); // trusts, or clears again if trust was lost meanwhile
      },
      () => {
        clearing = false;
        regainTrustIn(1_000); // still reachable? otherwise the next "ready" will do
      },
    );
  }

  function regainTrustIn(ms: number): void {
    if (ms === 0) {
      regainTrust();
      return;
    }
    clearTimeout(waiting);
    waiting = setTimeout(() => {
      waiting = undefined;
      regainTrust();
    }, ms).unref();
  }

  function distrust(): void {
    if (trusted) {
      const soon = performance.now() - trustedAt < 10_000;
      pauseMs = soon ? Math.min(Math.max(pauseMs * 2, 250), 30_000) : 0;
    }
    trusted = false;
    losses += 1;
    nearCopies.clear();
    regainTrustIn(pauseMs);
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

  // A missing generation means the namespace was wiped behind our back: start over.
  const currentGeneration = perTurnRead(async (): Promise<string | null> => {
    if (!trusted) return null;
    try {
      const generation = await redis.get(generationKey);
      if (generation === null) distrust();
      return generation;
    } catch {
      distrust();
      return null;
    }
  });

  const cache: Cache = {
    async get(key) {
      const generation = await currentGeneration();
      if (generation === null) return null;
      const near = nearCopies.get(key, generation);
      if (near !== undefined) return near;
      try {
        const value = await redis.get(key);
        // Valid under `generation`: an invalidation deletes its keys in the same step as it
        // moves the generation on, so what is still there was written at or after it.
        if (value !== null) nearCopies.set(key, value, generation);
        return value;
      } catch {
        distrust();
        return null;
      }
    },
    generation: currentGeneration,
    async setIfUnchanged(key, value, ttlSeconds, seen) {
      try {
        const stored = await redis.setIfUnchanged(generationKey, key, seen, value, ttlSeconds);
        if (stored === 1) nearCopies.set(key, value, seen, ttlSeconds * 1000);
      } catch {
        // a cache that cannot be filled is only slower
      }
    },
    async invalidate(keys) {
      for (const key of keys) nearCopies.delete(key);
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
