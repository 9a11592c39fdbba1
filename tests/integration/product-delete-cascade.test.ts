import { createMemoryCache } from "@stockwiz/adapters";
import {
  adjustInventory,
  createInventory,
  createProduct,
  type Database,
  deleteProduct,
  getInventory,
  listMovements,
  migrateToLatest,
  migrationNames,
  migrationProvider,
  type ServiceDeps,
} from "@stockwiz/core";
import { type Kysely, type KyselyPlugin, Migrator, PostgresQueryCompiler, sql } from "kysely";
import { afterEach, describe, expect, it } from "vitest";
import { openEmptyDatabase } from "../kit/stores/empty-database.ts";
import { insertLegacyStockRow } from "../kit/stores/legacy-stock-rows.ts";
import { type StoreKind, storeKinds } from "../kit/stores/test-stores.ts";

// Issue 15: each service owns its tables' writes. Deleting a product is the product service's
// write to `products`; the database's cascade (migration 2025-03-01) takes the stock row and,
// through it, the movements. CONTRACT.md §4: DELETE /products/{id} is 204 and its stock row goes.

const lastBeforeCascade = "2025-02-01T00-01-create-idempotency-keys";
const ctx = { requestId: "cascade-test" };

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

async function emptyDatabase(kind: StoreKind): Promise<Kysely<Database>> {
  const { db, close } = await openEmptyDatabase(kind);
  closers.push(close);
  return db;
}

/** The foreign keys from inventory.product_id, with their ON DELETE rule ('c' is cascade). */
async function productKeysOf(db: Kysely<Database>) {
  const { rows } = await sql<{ name: string; onDelete: string }>`
    SELECT conname AS "name", confdeltype AS "onDelete" FROM pg_constraint
    WHERE contype = 'f' AND conrelid = 'inventory'::regclass AND confrelid = 'products'::regclass
  `.execute(db);
  return rows;
}

/** A product with a stock row and two movements (the opening one and an adjustment). */
async function stockedProduct(deps: ServiceDeps, name: string) {
  const product = await createProduct(deps, { name, price: 10 });
  const stock = await createInventory(deps, { product_id: product.id, quantity: 5 }, ctx);
  return {
    product,
    stock: await adjustInventory(deps, stock.id, { delta: -2, reason: "sale" }, ctx),
  };
}

/** The same, written as the schema before stock by location had it. */
async function legacyStockedProduct(deps: ServiceDeps, name: string) {
  const row = await insertLegacyStockRow(deps.db, { name, warehouse: "W1", deltas: [5, -2] });
  return {
    product: { id: row.productId },
    stock: await getInventory(deps, row.inventoryId),
    deltas: [5, -2],
  };
}

const movementCount = async (db: Kysely<Database>, inventoryId: number) =>
  Number(
    (
      await db
        .selectFrom("stock_movements")
        .select(db.fn.countAll().as("n"))
        .where("inventory_id", "=", inventoryId)
        .executeTakeFirstOrThrow()
    ).n,
  );

const deltasOf = async (deps: ServiceDeps, inventoryId: number) =>
  (await listMovements(deps, inventoryId)).map((movement) => movement.delta);

const adoptions = [
  { foreignKey: "StockWiz's own, with the cascade", dropCascade: false },
  { foreignKey: "an adopted one saying NO ACTION", dropCascade: true },
];

describe.each(storeKinds)("deleting a product on %s PostgreSQL", (kind) => {
  it.each(adoptions)(
    "when a populated database whose key is $foreignKey is migrated then every row stays and a delete takes the stock row and its movements",
    async ({ dropCascade }) => {
      const db = await emptyDatabase(kind);
      const migrated = await new Migrator({ db, provider: migrationProvider }).migrateTo(
        lastBeforeCascade,
      );
      expect(migrated.error).toBeUndefined();
      if (dropCascade) {
        await sql`ALTER TABLE inventory DROP CONSTRAINT inventory_product_id_fkey`.execute(db);
        await sql`ALTER TABLE inventory ADD CONSTRAINT legacy_product FOREIGN KEY (product_id)
          REFERENCES products (id)`.execute(db);
      }
      const deps: ServiceDeps = { db, cache: createMemoryCache(), clock: () => new Date() };
      const deleted = await legacyStockedProduct(deps, "Going");
      const kept = await legacyStockedProduct(deps, "Staying");

      expect(await migrateToLatest(db)).toEqual(
        migrationNames.slice(migrationNames.indexOf("2025-03-01T00-00-cascade-stock-with-product")),
      );

      expect(await productKeysOf(db)).toEqual([
        { name: "inventory_product_id_fkey", onDelete: "c" },
      ]);
      expect(await getInventory(deps, deleted.stock.id)).toEqual(deleted.stock);
      expect(await deltasOf(deps, deleted.stock.id)).toEqual(deleted.deltas);

      await deleteProduct(deps, deleted.product.id);

      await expect(getInventory(deps, deleted.stock.id)).rejects.toMatchObject({ status: 404 });
      expect(await movementCount(db, deleted.stock.id)).toBe(0);
      expect(await getInventory(deps, kept.stock.id)).toEqual(kept.stock);
      expect(await deltasOf(deps, kept.stock.id)).toEqual(kept.deltas);
    },
  );

  it("when the product service deletes a product then none of its statements writes the inventory service's tables", async () => {
    const db = await emptyDatabase(kind);
    await migrateToLatest(db);
    const deps: ServiceDeps = { db, cache: createMemoryCache(), clock: () => new Date() };
    const { product, stock } = await stockedProduct(deps, "Watched");
    const statements: string[] = [];
    const compiler = new PostgresQueryCompiler();
    const recorder: KyselyPlugin = {
      transformQuery: ({ node, queryId }) => {
        statements.push(compiler.compileQuery(node, queryId).sql);
        return node;
      },
      transformResult: async ({ result }) => result,
    };

    await deleteProduct({ ...deps, db: db.withPlugin(recorder) }, product.id);

    expect(statements).toHaveLength(1);
    expect(statements[0]).toMatch(/delete from "products"/);
    expect(statements[0]).not.toMatch(/(insert into|update|delete from) "(inventory|stock_)/);
    await expect(getInventory(deps, stock.id)).rejects.toMatchObject({ status: 404 });
  });
});
