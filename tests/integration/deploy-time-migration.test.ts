import { openStores, parseEnv, storeEnvSchema } from "@stockwiz/adapters";
import { sql } from "kysely";
import { afterEach, describe, expect, it } from "vitest";
import { migrateDatabase } from "../../packages/adapters/src/database/migrate-database.ts";
import { handler } from "../../packages/adapters/src/database/migrate-handler.ts";
import { createScratchDatabase, type ScratchDatabase } from "../kit/stores/scratch-database.ts";
import { silentLogger } from "../kit/stores/test-stores.ts";

// Serverless stages (issue 14): a deploy step migrates once; the functions start without migrating.
const databases: ScratchDatabase[] = [];
afterEach(async () => {
  await Promise.all(databases.splice(0).map((database) => database.drop()));
});

async function freshDatabase(): Promise<ScratchDatabase> {
  const database = await createScratchDatabase();
  databases.push(database);
  return database;
}

async function tablesOf(url: string): Promise<string[]> {
  const stores = await openStores(
    parseEnv(storeEnvSchema, { DATABASE_URL: url, DB_MIGRATE_ON_START: "false" }),
    silentLogger,
  );
  try {
    const { rows } = await sql<{ name: string }>`
      select table_name as name from information_schema.tables
      where table_schema = 'public' order by table_name`.execute(stores.deps.db);
    return rows.map((row) => row.name);
  } finally {
    await stores.close();
  }
}

describe("migrations at deploy", () => {
  it("when a service starts with DB_MIGRATE_ON_START=false then it creates nothing in the database", async () => {
    const database = await freshDatabase();
    expect(await tablesOf(database.url)).toEqual([]);
  });

  it("when the deploy step runs then every migration is applied once, and a second run applies none", async () => {
    const database = await freshDatabase();
    const first = await migrateDatabase({ DATABASE_URL: database.url }, silentLogger);
    expect(first.length).toBeGreaterThan(0);
    expect(await tablesOf(database.url)).toEqual(expect.arrayContaining(["inventory", "products"]));
    expect(await migrateDatabase({ DATABASE_URL: database.url }, silentLogger)).toEqual([]);
  });

  it("when the migrate function is invoked then it reads the environment a service reads and answers what it applied", async () => {
    const database = await freshDatabase();
    const previous = process.env.DATABASE_URL;
    process.env.DATABASE_URL = database.url;
    process.env.LOG_LEVEL = "silent";
    try {
      const { applied } = await handler();
      expect(applied).toContain("2025-01-15T00-01-seed-catalogue");
    } finally {
      if (previous === undefined) delete process.env.DATABASE_URL;
      else process.env.DATABASE_URL = previous;
      delete process.env.LOG_LEVEL;
    }
  });

  it("when no PostgreSQL is configured then the deploy step refuses rather than migrate an embedded file", async () => {
    await expect(migrateDatabase({}, silentLogger)).rejects.toThrow(/needs PostgreSQL/);
  });
});
