import { migrateToLatest } from "@stockwiz/core";
import { parseEnv } from "../config/parse-env.ts";
import { databaseTarget, describeDatabaseTarget, storeEnvSchema } from "../config/store-config.ts";
import type { Logger } from "../logger.ts";
import { connectPostgres } from "./connect-postgres.ts";

/**
 * A deploy step: applies the pending migrations to the PostgreSQL database the environment names
 * (the same variables a service reads) and closes the connection. Returns what it applied.
 */
export async function migrateDatabase(env: NodeJS.ProcessEnv, logger: Logger): Promise<string[]> {
  const target = databaseTarget(parseEnv(storeEnvSchema, env));
  if (target.kind !== "postgres") {
    throw new Error("Migrating at deploy needs PostgreSQL: set DB_HOST or DATABASE_URL");
  }
  // One connection: the migrator takes a lock and runs the migrations one after another.
  const db = connectPostgres({ ...target, poolMax: 1 }, logger);
  try {
    const applied = await migrateToLatest(db);
    logger.info({ database: describeDatabaseTarget(target), applied }, "migrations applied");
    return applied;
  } finally {
    await db.destroy();
  }
}
