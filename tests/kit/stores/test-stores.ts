import {
  createLogger,
  createMemoryCache,
  type OpenStores,
  openStores,
  parseEnv,
  type SharedCache,
  storeEnvSchema,
} from "@stockwiz/adapters";
import { createScratchDatabase } from "./scratch-database.ts";

export type StoreKind = "embedded" | "postgres";
export const storeKinds: StoreKind[] = ["embedded", "postgres"];

export const silentLogger = createLogger({ level: "silent", name: "test" });

/** Stores on the PostgreSQL database at `url` (possibly through a relay), migrated and seeded. */
export const openPostgresStores = (url: string, cache: SharedCache): Promise<OpenStores> =>
  openStores(parseEnv(storeEnvSchema, { DATABASE_URL: url }), silentLogger, {
    fallbackCache: cache,
  });

/**
 * Real stores for a test: PGlite in memory, or a fresh database on the machine's PostgreSQL;
 * migrated and seeded like production.
 */
export async function openTestStores(
  kind: StoreKind,
  cache: SharedCache = createMemoryCache(),
): Promise<OpenStores> {
  if (kind === "embedded") {
    const env = parseEnv(storeEnvSchema, { STOCKWIZ_DATA_DIR: "memory://" });
    return openStores(env, silentLogger, { fallbackCache: cache });
  }
  const database = await createScratchDatabase();
  const stores = await openPostgresStores(database.url, cache);
  return {
    deps: stores.deps,
    close: async () => {
      await stores.close();
      await database.drop();
    },
  };
}
