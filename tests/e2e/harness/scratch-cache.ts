import { randomBytes } from "node:crypto";
import { Redis } from "ioredis";

export const redisUrl = process.env.E2E_REDIS_URL ?? "redis://127.0.0.1:6379";

/** A key prefix of its own per stack: test files share the one Redis without seeing each other. */
export const newRedisKeyPrefix = () => `stockwiz-e2e-${randomBytes(6).toString("hex")}:`;

async function withRedis<T>(use: (redis: Redis) => Promise<T>): Promise<T> {
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

/** Removes every key the stack wrote, so runs leave nothing behind. */
export const removeCacheKeys = (prefix: string): Promise<void> =>
  withRedis(async (redis) => {
    const stream = redis.scanStream({ match: `${prefix}*`, count: 500 });
    for await (const keys of stream as AsyncIterable<string[]>) {
      if (keys.length > 0) await redis.del(...keys);
    }
  });
