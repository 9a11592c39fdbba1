import { randomBytes } from "node:crypto";
import { Redis } from "ioredis";
import pg from "pg";

export const postgresAdminUrl =
  process.env.BENCH_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
export const redisUrl = process.env.BENCH_REDIS_URL ?? "redis://127.0.0.1:6379";

export const newRedisKeyPrefix = () => `stockwiz-bench-${randomBytes(6).toString("hex")}:`;

async function withClient<T>(url: string, use: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.end();
  }
}

export interface ScratchDatabase {
  readonly name: string;
  readonly url: string;
  drop(): Promise<void>;
}

/** A fresh, empty database of the bench's own; the services migrate and seed it at start. */
export async function createScratchDatabase(): Promise<ScratchDatabase> {
  const name = `stockwiz_bench_${randomBytes(6).toString("hex")}`;
  await withClient(postgresAdminUrl, (client) => client.query(`CREATE DATABASE ${name}`));
  const url = new URL(postgresAdminUrl);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    drop: () =>
      withClient(postgresAdminUrl, async (client) => {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      }),
  };
}

/**
 * Replaces the catalogue with `count` products, each with one stock row, straight in SQL
 * (the services are not involved, so their caches are cleared afterwards by the caller).
 */
export async function seedCatalogue(databaseUrl: string, count: number): Promise<void> {
  await withClient(databaseUrl, async (client) => {
    await client.query("BEGIN");
    await client.query("TRUNCATE products RESTART IDENTITY CASCADE");
    await client.query(
      `INSERT INTO products (name, description, price, category)
       SELECT 'Bench product ' || g,
              'A product seeded by npm run bench, number ' || g,
              round((1 + (g * 37) % 2000 + (g % 100) / 100.0)::numeric, 2),
              (ARRAY['Electronics', 'Office', 'Home', 'Garden'])[1 + g % 4]
       FROM generate_series(1, $1::int) AS g`,
      [count],
    );
    await client.query(
      `INSERT INTO inventory (product_id, quantity, warehouse)
       SELECT id, (id * 7) % 500, CASE WHEN id % 2 = 0 THEN 'Warehouse A' ELSE 'Warehouse B' END
       FROM products ORDER BY id`,
    );
    await client.query("COMMIT");
    await client.query("ANALYZE products");
    await client.query("ANALYZE inventory");
  });
}

async function withRedis<T>(use: (redis: Redis) => Promise<T>): Promise<T> {
  const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
  await redis.connect();
  try {
    return await use(redis);
  } finally {
    redis.disconnect();
  }
}

/** Deletes every key under the prefix, so the next reads come from the database. */
export const removeCacheKeys = (prefix: string): Promise<void> =>
  withRedis(async (redis) => {
    const stream = redis.scanStream({ match: `${prefix}*`, count: 500 });
    for await (const keys of stream as AsyncIterable<string[]>) {
      if (keys.length > 0) await redis.del(...keys);
    }
  });

export const postgresVersion = () =>
  withClient(postgresAdminUrl, async (client) => {
    const result = await client.query<{ server_version: string }>("SHOW server_version");
    return result.rows[0]?.server_version ?? "unknown";
  });

export const redisVersion = () =>
  withRedis(async (redis) => {
    const info = await redis.info("server");
    return /redis_version:(\S+)/.exec(info)?.[1] ?? "unknown";
  });
