import { type Database, migrateToLatest } from "@stockwiz/core";
import type { Kysely } from "kysely";
import type { DatabaseTls } from "../config/database-tls.ts";
import { type DatabaseTarget, describeDatabaseTarget } from "../config/store-config.ts";
import type { Logger } from "../logger.ts";
import { connectEmbedded } from "./connect-embedded.ts";
import { connectPostgres } from "./connect-postgres.ts";
import { isPlainConnectionRefused, isTlsFailure } from "./postgres-tls.ts";

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
  const database = describeDatabaseTarget(target);
  if (target.kind === "postgres" && target.migrateOnStart === false) {
    // A deploy step migrated already. Nothing is asked of the database before the first request,
    // so a start (a Lambda cold start) never waits for a paused database to resume.
    logger.info(
      { database, tls: target.tls?.mode ?? "disable", iamAuth: !!target.iamAuth },
      "database configured; migrations are the deploy's",
    );
    return db;
  }
  try {
    const applied = await migrateToLatest(db);
    const tls = target.kind === "postgres" ? (target.tls?.mode ?? "disable") : undefined;
    logger.info({ database, tls, applied }, "database ready");
    return db;
  } catch (error) {
    await db.destroy().catch(() => {});
    const reason = error instanceof Error ? (error.cause ?? error) : error;
    throw new DatabaseStartError(startFailureMessage(target, reason), {
      cause: error,
    });
  }
}

/** One line naming the database (password masked) and, for TLS, what was asked of it. */
function startFailureMessage(target: DatabaseTarget, reason: unknown): string {
  const database = describeDatabaseTarget(target);
  const detail = reason instanceof Error ? reason.message : String(reason);
  if (target.kind === "postgres" && isTlsFailure(reason)) {
    return `TLS to the database failed: ${detail} (${database}, ${describeTls(target.tls)})`;
  }
  if (target.kind === "postgres" && isPlainConnectionRefused(reason)) {
    return `Cannot use the database at ${database}: ${detail}; the server wants TLS: set PGSSLMODE (or sslmode in DATABASE_URL)`;
  }
  return `Cannot use the database at ${database}: ${detail}`;
}

function describeTls(tls: DatabaseTls = { mode: "disable" }): string {
  if (tls.caSource !== undefined) return `sslmode ${tls.mode}, CA from ${tls.caSource}`;
  if (tls.mode === "verify-full") return `sslmode ${tls.mode}, CA from Node's bundled public CAs`;
  return `sslmode ${tls.mode}`;
}
