import { type Kysely, type Migration, type MigrationProvider, Migrator } from "kysely";
import * as createCatalogueTables from "./migrations/2025-01-15T00-00-create-catalogue-tables.ts";
import * as seedCatalogue from "./migrations/2025-01-15T00-01-seed-catalogue.ts";
import * as createStockLedger from "./migrations/2025-02-01T00-00-create-stock-ledger.ts";
import * as createIdempotencyKeys from "./migrations/2025-02-01T00-01-create-idempotency-keys.ts";
import * as cascadeStockWithProduct from "./migrations/2025-03-01T00-00-cascade-stock-with-product.ts";
import * as stockByLocation from "./migrations/2026-11-29T00-00-stock-by-location.ts";
import * as stockEvents from "./migrations/2026-11-29T01-00-stock-events.ts";

// Listed statically: a folder-reading provider breaks once the service is bundled into one file.
const migrations: Record<string, Migration> = {
  "2025-01-15T00-00-create-catalogue-tables": createCatalogueTables,
  "2025-01-15T00-01-seed-catalogue": seedCatalogue,
  "2025-02-01T00-00-create-stock-ledger": createStockLedger,
  "2025-02-01T00-01-create-idempotency-keys": createIdempotencyKeys,
  "2025-03-01T00-00-cascade-stock-with-product": cascadeStockWithProduct,
  "2026-11-29T00-00-stock-by-location": stockByLocation,
  "2026-11-29T01-00-stock-events": stockEvents,
};

/** The migrations as Kysely's Migrator takes them, for a migration test that stops part way. */
export const migrationProvider: MigrationProvider = { getMigrations: async () => migrations };

/** Every migration this code knows, in order: what a deploy must have applied. */
export const migrationNames: readonly string[] = Object.keys(migrations);

export class MigrationError extends Error {
  override name = "MigrationError";
}

/** Applies every pending migration; safe to run from several services at once (Kysely takes a lock). */
// biome-ignore lint/suspicious/noExplicitAny: migrations run on any schema
export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  const migrator = new Migrator({
    db,
    provider: migrationProvider,
  });
  const { error, results = [] } = await migrator.migrateToLatest();
  if (error) {
    const failed = results.find((result) => result.status === "Error")?.migrationName;
    throw new MigrationError(`Migration ${failed ?? "(unknown)"} failed`, { cause: error });
  }
  return results
    .filter((result) => result.status === "Success")
    .map((result) => result.migrationName);
}
