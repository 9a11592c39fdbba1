import type { Database } from "@stockwiz/core";
import { Kysely, PostgresDialect } from "kysely";
import pg from "pg";
import type { DatabaseTls } from "../config/database-tls.ts";
import type { Logger } from "../logger.ts";
import { sslOptionsOf, withoutTlsParameters } from "./postgres-tls.ts";
import { rdsAuthToken } from "./rds-auth-token.ts";

export interface PostgresOptions {
  connectionString: string;
  poolMax: number;
  /** Absent: no TLS. Decides alone: TLS parameters in `connectionString` are dropped. */
  tls?: DatabaseTls;
  /** Bound on waiting for a connection, so requests fail fast (503) while the database is away. */
  connectTimeoutMs?: number;
  /** Bound on one query, so no request hangs on a stalled server. */
  queryTimeoutMs?: number;
  /** Present: every new connection signs an RDS IAM token for its password. */
  iamAuth?: { region: string };
}

/**
 * Where to connect, as node-postgres options. With IAM authentication the parts are given one by
 * one: a connection string would override the password function with its own (empty) password.
 */
function connectionOf(options: PostgresOptions): pg.PoolConfig {
  const connectionString = withoutTlsParameters(options.connectionString);
  if (!options.iamAuth) return { connectionString };
  const url = new URL(connectionString);
  const port = Number(url.port || 5432);
  const user = decodeURIComponent(url.username);
  return {
    host: url.hostname,
    port,
    user,
    database: decodeURIComponent(url.pathname.slice(1)),
    password: rdsAuthToken({ hostname: url.hostname, port, username: user, ...options.iamAuth }),
  };
}

export function connectPostgres(options: PostgresOptions, logger: Logger): Kysely<Database> {
  const pool = new pg.Pool({
    ...connectionOf(options),
    ssl: sslOptionsOf(options.tls),
    max: options.poolMax,
    connectionTimeoutMillis: options.connectTimeoutMs ?? 2_000,
    query_timeout: options.queryTimeoutMs ?? 10_000,
    idleTimeoutMillis: 30_000,
    keepAlive: true,
  });
  // A client whose server goes away emits "error", idle (on the pool) or checked out (on itself);
  // with no listener either would kill the process. The query in flight already fails (503).
  pool.on("error", (error) => logger.warn({ err: error }, "idle database connection lost"));
  pool.on("connect", (client) => {
    client.on("error", (error) => logger.warn({ err: error }, "database connection lost"));
  });
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}
