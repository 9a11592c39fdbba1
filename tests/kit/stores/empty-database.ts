import { openStores, parseEnv, storeEnvSchema } from "@stockwiz/adapters";
import type { Database } from "@stockwiz/core";
import type { Kysely } from "kysely";
import { connectEmbedded } from "../../../packages/adapters/src/database/connect-embedded.ts";
import { createScratchDatabase } from "./scratch-database.ts";
import { type StoreKind, silentLogger } from "./test-stores.ts";

/**
 * A database with none of StockWiz's tables yet, of either kind, for migration tests that fill
 * an older schema by hand; `close` destroys it (and drops the scratch database).
 */
export async function openEmptyDatabase(
  kind: StoreKind,
): Promise<{ db: Kysely<Database>; close: () => Promise<void> }> {
  if (kind === "embedded") {
    const db = await connectEmbedded("memory://");
    return { db, close: () => db.destroy() };
  }
  const database = await createScratchDatabase();
  const stores = await openStores(
    parseEnv(storeEnvSchema, { DATABASE_URL: database.url, DB_MIGRATE_ON_START: "false" }),
    silentLogger,
  );
  return {
    db: stores.deps.db,
    close: async () => {
      await stores.close();
      await database.drop();
    },
  };
}
