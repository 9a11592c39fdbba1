import { randomBytes } from "node:crypto";
import pg from "pg";
import type { TcpAddress } from "../tcp-relay.ts";

/** The machine's PostgreSQL, as a superuser who may create and drop databases. */
export const postgresAdminUrl =
  process.env.TEST_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

/** Where that PostgreSQL listens, for a relay in front of it. */
export const postgresAddress: TcpAddress = {
  host: new URL(postgresAdminUrl).hostname,
  port: Number(new URL(postgresAdminUrl).port || 5432),
};

/** One client for the length of `use`, on the admin URL unless given another. */
export async function withPostgres<T>(
  use: (client: pg.Client) => Promise<T>,
  url = postgresAdminUrl,
): Promise<T> {
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
  /** The same database reached through another local port, e.g. a relay a test can cut. */
  urlThrough(port: number): string;
  drop(): Promise<void>;
}

/**
 * A fresh, empty database on the machine's PostgreSQL, so test files (and the bench) never see
 * each other's rows; `owner` shows in its name whose it was, should one be left behind.
 */
export async function createScratchDatabase(owner = "test"): Promise<ScratchDatabase> {
  const name = `stockwiz_${owner}_${randomBytes(6).toString("hex")}`;
  await withPostgres((client) => client.query(`CREATE DATABASE ${name}`));
  const url = new URL(postgresAdminUrl);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    urlThrough: (port) => {
      const through = new URL(url);
      through.port = String(port);
      return through.toString();
    },
    drop: async () => {
      await withPostgres((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}
