import { randomBytes } from "node:crypto";
import { Redis } from "ioredis";
import type { TcpAddress } from "../tcp-relay.ts";

/** The machine's Redis, shared by every test file and the bench; key prefixes keep them apart. */
export const redisUrl = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";

/** Where that Redis listens, for a relay in front of it. */
export const redisAddress: TcpAddress = {
  host: new URL(redisUrl).hostname,
  port: Number(new URL(redisUrl).port || 6379),
};

/** A key prefix of its own per stack: runs share the one Redis without seeing each other. */
export const newRedisKeyPrefix = (owner = "test") =>
  `stockwiz-${owner}-${randomBytes(6).toString("hex")}:`;

/** One connection for the length of `use`. */
export async function withRedis<T>(use: (redis: Redis) => Promise<T>): Promise<T> {
  const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
  await redis.connect();
  try {
    return await use(redis);
  } finally {
    redis.disconnect();
  }
}

/** Whether the cache holds a key (the services add the prefix; this client does not). */
export const cacheHolds = (prefix: string, key: string): Promise<boolean> =>
  withRedis(async (redis) => (await redis.exists(prefix + key)) === 1);

/** Deletes one key behind the services' backs (the generation does not move). */
export const removeCacheKey = (prefix: string, key: string): Promise<void> =>
  withRedis(async (redis) => {
    await redis.del(prefix + key);
  });

/** Removes every key under the prefix, so runs leave nothing behind. */
export const removeCacheKeys = (prefix: string): Promise<void> =>
  withRedis(async (redis) => {
    const stream = redis.scanStream({ match: `${prefix}*`, count: 500 });
    for await (const keys of stream as AsyncIterable<string[]>) {
      if (keys.length > 0) await redis.del(...keys);
    }
  });
