import { perTurnRead } from "@stockwiz/core";
import type { Redis } from "ioredis";
import type { Logger } from "../logger.ts";
import { CacheTrust } from "./cache-trust.ts";
import { forgetNamespace } from "./forget-namespace.ts";
import { GenerationCopies } from "./generation-copies.ts";
import { invalidationsKept, RecentInvalidations } from "./recent-invalidations.ts";
import {
  generationKey,
  invalidationLogKey,
  readInvalidationsSince,
  sendInvalidation,
  withCacheScripts,
} from "./redis-scripts.ts";
import { resendOverFreshConnection } from "./resend-invalidation.ts";
import type { SharedCache } from "./shared-cache.ts";

export interface RedisCacheOptions {
  /**
   * Bytes of values kept in the process (near copies) besides Redis; 8 MiB by default. That
   * holds the hot keys and a 10,000-product catalogue's chunks (1.9 MB) whole; a larger
   * catalogue is read in one pass that an LRU smaller than it never hits, so a larger budget
   * only held the last chunks streamed (the gateway's peak while streaming a million products
   * was 192–210 MiB with 32 MiB, 172 with 8: issue 16).
   */
  nearCopyBytes?: number;
}

/**
 * How long a near copy may live. Copies are checked against the generation on every read, so
 * this only bounds how much longer than Redis's own TTL a copy outlives an invalidation that
 * was lost (a writer cut off from Redis).
 */
const nearCopyTtlMs = 5_000;

export interface RedisCache {
  cache: SharedCache;
  /** Where the process stands with Redis: see `CacheTrust`. */
  trust: CacheTrust;
  /** Stops the cache and disconnects its client. */
  close(): Promise<void>;
}

/**
 * Redis as a cache that can fail, on a client built by `createRedisClient` (commands are not
 * queued while disconnected: they fail at once and the caller reads the database; reconnection
 * is endless). The cache takes the client over. Entries are served only while `CacheTrust`
 * trusts Redis.
 *
 * Values read or written are also kept in the process as near copies. A read first fetches
 * the current generation (one round trip shared by every read of the event-loop turn, see
 * `perTurnRead`). When it has moved, the process reads which keys the invalidations since
 * the last one it knew made stale (Redis logs them with each move) and drops those copies
 * before serving any: a near copy is never older than the last acknowledged write, a write
 * leaves the copies of other keys, and hot keys cost no value transfer.
 */
export function createRedisCache(
  client: Redis,
  logger: Logger,
  options: RedisCacheOptions = {},
): RedisCache {
  const redis = withCacheScripts(client);
  const invalidations = new RecentInvalidations(invalidationsKept);
  // Kept in the form they were read in: text, or bytes for values written out as they are.
  const nearCopies = new GenerationCopies<string | Buffer>({
    maxBytes: options.nearCopyBytes ?? 8 * 1024 * 1024,
    ttlMs: nearCopyTtlMs,
    bytesOf: (value) => value.length,
    invalidations,
  });
  const trust = new CacheTrust({
    connected: () => redis.status === "ready",
    clear: () => forgetNamespace(redis),
    changed: (state) => {
      if (state === "trusted")
        logger.info("cache trusted: namespace cleared, serving cached entries");
    },
  });
  const lose = () => {
    invalidations.forget();
    nearCopies.clear();
    trust.lost();
  };
  const resend = resendOverFreshConnection(redis, redis.options.commandTimeout ?? 250);

  redis.on("ready", () => {
    logger.info("cache connected");
    trust.connected();
  });
  redis.on("error", (error) => {
    if (trust.trusted) logger.warn({ err: error }, "cache unreachable; reading from the database");
    lose();
  });
  redis.on("close", lose);
  trust.connected(); // a client connected before it was handed over emits no "ready" again

  // One reading of the log at a time, each from the newest generation the process knows.
  let learning: Promise<void> | undefined;
  const learn = async () => {
    const { generation, entries } = await readInvalidationsSince(redis, invalidations.latest);
    if (generation === null) lose();
    else if (entries === undefined) invalidations.restartAt(generation);
    else invalidations.extend(entries, generation);
  };
  const learnOnce = () => {
    learning ??= learn().finally(() => {
      learning = undefined;
    });
    return learning;
  };
  // What the invalidations up to `generation` made stale, learnt by a reading that began after
  // `generation` was read (one already under way may have begun before).
  const learnUpTo = async (generation: string) => {
    if (invalidations.knows(generation)) return;
    if (learning !== undefined) await learning;
    if (!invalidations.knows(generation)) await learnOnce();
  };

  // Trusted when the read left and when it came back. A missing generation means the namespace
  // was wiped behind our back: start over. The answer is the newest generation learnt, at
  // least as new as the one read.
  const currentGeneration = perTurnRead(async (): Promise<string | null> => {
    if (!trust.trusted) return null;
    try {
      const generation = await redis.get(generationKey);
      if (generation === null) {
        lose();
        return null;
      }
      await learnUpTo(generation);
      return trust.trusted ? (invalidations.latest ?? null) : null;
    } catch {
      lose();
      return null;
    }
  });

  async function read(key: string, form: "text"): Promise<string | null>;
  async function read(key: string, form: "bytes"): Promise<Buffer | null>;
  async function read(key: string, form: "text" | "bytes"): Promise<string | Buffer | null> {
    const generation = await currentGeneration();
    if (generation === null) return null;
    const near = nearCopies.get(key, generation);
    if (near !== undefined) {
      if ((typeof near === "string") === (form === "text")) return near;
      // Kept in the form asked for next: a key is read in one form (a chunk as bytes) but may
      // have been written in the other.
      const reformed = typeof near === "string" ? Buffer.from(near) : near.toString();
      nearCopies.replace(key, reformed);
      return reformed;
    }
    try {
      const value = form === "text" ? await redis.get(key) : await redis.getBuffer(key);
      // Valid under `generation`: an invalidation deletes its keys in the same step as it
      // moves the generation on, so what is still there was written at or after it.
      if (value !== null) nearCopies.set(key, value, generation, { tags: [key] });
      return value;
    } catch {
      lose();
      return null;
    }
  }

  const cache: SharedCache = {
    invalidations,
    get: (key) => read(key, "text"),
    getBytes: (key) => read(key, "bytes"),
    generation: currentGeneration,
    async setIfUnchanged(key, value, ttlSeconds, seen) {
      try {
        const stored = await redis.setIfUnchanged(
          generationKey,
          key,
          invalidationLogKey,
          seen,
          value,
          ttlSeconds,
          key,
        );
        if (stored === 1)
          nearCopies.set(key, value, seen, { tags: [key], ttlMs: ttlSeconds * 1000 });
      } catch {
        // a cache that cannot be filled is only slower
      }
    },
    async invalidate(keys) {
      for (const key of keys) nearCopies.delete(key);
      try {
        await sendInvalidation(redis, keys);
      } catch {
        lose(); // cleared in full when Redis answers again
        // Not acknowledged before Redis has it or is found down: see resendOverFreshConnection.
        await resend(keys);
      }
    },
  };

  return {
    cache,
    trust,
    close: async () => {
      trust.stop();
      redis.disconnect();
    },
  };
}
