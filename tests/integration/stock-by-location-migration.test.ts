import { createMemoryCache } from "@stockwiz/adapters";
import {
  type Database,
  getInventory,
  listLevels,
  listLocations,
  migrateToLatest,
  migrationNames,
  migrationProvider,
  type ServiceDeps,
} from "@stockwiz/core";
import { type Kysely, Migrator, sql } from "kysely";
import { afterEach, describe, expect, it } from "vitest";
import { openEmptyDatabase } from "../kit/stores/empty-database.ts";
import { insertLegacyStockRow, type LegacyStockRow } from "../kit/stores/legacy-stock-rows.ts";
import { type StoreKind, storeKinds } from "../kit/stores/test-stores.ts";

// Issue 17: every stock row becomes one level at the location its warehouse names, losing
// nothing: quantities, ledger sums and the legacy answers are the same after the migration.

const lastBeforeLocations = "2025-03-01T00-00-cascade-stock-with-product";

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

async function emptyDatabase(kind: StoreKind): Promise<Kysely<Database>> {
  const { db, close } = await openEmptyDatabase(kind);
  closers.push(close);
  return db;
}

const ledgerSums = async (db: Kysely<Database>) => {
  const { rows } = await sql<{ inventory_id: number; sum: number; n: number }>`
    SELECT inventory_id, sum(delta)::integer AS sum, count(*)::integer AS n
    FROM stock_movements GROUP BY inventory_id ORDER BY inventory_id`.execute(db);
  return rows;
};

describe.each(storeKinds)("the stock-by-location migration on %s PostgreSQL", (kind) => {
  it("when a populated database is migrated then every row is one level at its warehouse, with every unit and ledger entry", async () => {
    const db = await emptyDatabase(kind);
    const before = await new Migrator({ db, provider: migrationProvider }).migrateTo(
      lastBeforeLocations,
    );
    expect(before.error).toBeUndefined();
    const deps: ServiceDeps = { db, cache: createMemoryCache(), clock: () => new Date() };
    const made: LegacyStockRow[] = [];
    for (const [name, warehouse, deltas] of [
      ["In A", "Warehouse A", [10, -3]],
      ["In a new one", "Dock 9", [4]],
      ["Nowhere", null, [6, -6, 2]],
      ["Blank", "", [1]],
      ["Spaces", "  ", [2]],
      ["Empty", "Dock 9", [0]],
    ] as const) {
      made.push(await insertLegacyStockRow(db, { name, warehouse, deltas }));
    }
    const rowsBefore = await Promise.all(
      [1, 2, 3, 4, 5, ...made.map((row) => row.inventoryId)].map((id) => getInventory(deps, id)),
    );
    const sumsBefore = await ledgerSums(db);

    // This migration and the ones after it (stock events).
    expect(await migrateToLatest(db)).toEqual(
      migrationNames.slice(migrationNames.indexOf("2026-11-29T00-00-stock-by-location")),
    );

    const rowsAfter = await Promise.all(rowsBefore.map((row) => getInventory(deps, row.id)));
    expect(rowsAfter).toEqual(rowsBefore);
    expect(await ledgerSums(db)).toEqual(sumsBefore);
    const locations = (await listLocations(deps)).map((location) => location.name);
    expect(locations.slice(0, 2)).toEqual(["Warehouse A", "Warehouse B"]);
    expect(locations.toSorted()).toEqual(["Dock 9", "Unassigned", "Warehouse A", "Warehouse B"]);

    const levels = await listLevels(deps, {});
    expect(levels).toHaveLength(rowsBefore.length);
    for (const row of rowsBefore) {
      const level = levels.find((candidate) => candidate.product_id === row.product_id);
      expect(level).toMatchObject({
        on_hand: row.quantity,
        reserved: 0,
        available: row.quantity,
        location: row.warehouse?.trim() ? row.warehouse : "Unassigned",
      });
    }
    // Per level the ledger sums to on_hand: every entry was given its row's one location.
    const { rows: unplaced } = await sql<{ n: number }>`
      SELECT count(*)::integer AS n FROM stock_movements m
      JOIN stock_levels l ON l.inventory_id = m.inventory_id
      WHERE m.location_id IS DISTINCT FROM l.location_id`.execute(db);
    expect(unplaced[0]?.n).toBe(0);
    const { rows: kinds } = await sql<{ kind: string }>`
      SELECT kind FROM stock_movements WHERE inventory_id = ${made[0]?.inventoryId} ORDER BY id
    `.execute(db);
    expect(kinds.map((row) => row.kind)).toEqual(["create", "adjust"]);
  });
});
