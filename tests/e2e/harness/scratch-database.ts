import { randomBytes } from "node:crypto";
import pg from "pg";

/** The PostgreSQL server the suite may create databases on (trust auth on the test machine). */
export const postgresAdminUrl =
  process.env.E2E_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

export interface ScratchDatabase {
  readonly name: string;
  /** DATABASE_URL for the services. */
  readonly url: string;
  drop(): Promise<void>;
}

async function asAdmin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: postgresAdminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** A fresh, empty database per test file, so files run in parallel without sharing rows. */
export async function createScratchDatabase(): Promise<ScratchDatabase> {
  const name = `stockwiz_e2e_${randomBytes(6).toString("hex")}`;
  await asAdmin(`CREATE DATABASE ${name}`);
  const url = new URL(postgresAdminUrl);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    // FORCE: a service that did not stop cleanly must not keep the database alive.
    drop: () => asAdmin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}
