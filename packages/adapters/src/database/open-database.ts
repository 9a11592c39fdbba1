import { type Database, migrateToLatest } from "@stockwiz/core";
import type { Kysely } from "kysely";
import { type DatabaseTarget, describeDatabaseTarget } from "../config/store-config.ts";
import type { Logger } from "../logger.ts";
import { connectEmbedded } from "./connect-embedded.ts";
import { connectPostgres } from "./connect-postgres.ts";

export class DatabaseStartError extends Error {
  override name = "DatabaseStartError";
}

/** Connects and migrates; a database that cannot be reached at start is a clear, fatal error. */
export async function openDatabase(
  target: DatabaseTarget,
  logger: Logger,
): Promise<Kysely<Database>> {
  const db =
    target.kind === "postgres"
      ? connectPostgres(target, logger)
      : await connectEmbedded(target.dataDir);
  try {
    const applied = await migrateToLatest(db);
    logger.info({ database: describeDatabaseTarget(target), applied }, "database ready");
    return db;
  } catch (error) {
    await db.destroy().catch(() => {});
    const reason = error instanceof Error ? (error.cause ?? error) : error;
    throw new DatabaseStartError(
      `Cannot use the database at ${describeDatabaseTarget(target)}: ${String(
        reason instanceof Error ? reason.message : reason,
      )}`,
      { cause: error },
    );
  }
}
