import { withPostgres } from "../../tests/kit/stores/scratch-database.ts";
import { withRedis } from "../../tests/kit/stores/scratch-redis.ts";

// The report names the versions of the stores the run measured.

export const postgresVersion = () =>
  withPostgres(async (client) => {
    const result = await client.query<{ server_version: string }>("SHOW server_version");
    return result.rows[0]?.server_version ?? "unknown";
  });

export const redisVersion = () =>
  withRedis(async (redis) => {
    const info = await redis.info("server");
    return /redis_version:(\S+)/.exec(info)?.[1] ?? "unknown";
  });
