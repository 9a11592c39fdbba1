import { perTurnBatch } from "../concurrency/per-turn-batch.ts";
import type { Db, ProductRow } from "../db/database.ts";
import { isRefusedForItsData } from "../db/postgres-errors.ts";
import { type Page, pageOf } from "../paging/keyset-page.ts";
import type { PageRequest } from "../paging/page-query.ts";
import type { CreateProduct, Product, ProductChanges } from "./product-schemas.ts";

const columns = ["id", "name", "description", "price", "category"] as const;

export const toProduct = (row: Pick<ProductRow, (typeof columns)[number]>): Product => ({
  id: row.id,
  name: row.name,
  description: row.description,
  price: Number(row.price),
  category: row.category,
});

export async function selectProducts(db: Db, filter: { category?: string }): Promise<Product[]> {
  let query = db.selectFrom("products").select(columns).orderBy("id");
  if (filter.category !== undefined) query = query.where("category", "=", filter.category);
  return (await query.execute()).map(toProduct);
}

/** Keyset paging on the primary key: a page costs the same wherever it is in the catalogue. */
export async function selectProductPage(
  db: Db,
  filter: { category?: string },
  page: PageRequest,
): Promise<Page<Product>> {
  let query = db
    .selectFrom("products")
    .select(columns)
    .where("id", ">", page.after)
    .orderBy("id")
    .limit(page.limit + 1);
  if (filter.category !== undefined) query = query.where("category", "=", filter.category);
  return pageOf((await query.execute()).map(toProduct), page.limit);
}

export async function selectProduct(db: Db, id: number): Promise<Product | undefined> {
  const row = await db
    .selectFrom("products")
    .select(columns)
    .where("id", "=", id)
    .executeTakeFirst();
  return row && toProduct(row);
}

/**
 * Inserts products with one statement and answers them in the order given. Ids come from one
 * sequence, taken row after row as the VALUES list is inserted, so sorting by id restores it.
 */
export async function insertProducts(db: Db, products: CreateProduct[]): Promise<Product[]> {
  const rows = await db
    .insertInto("products")
    .values(
      products.map((product) => ({
        name: product.name,
        price: product.price,
        description: product.description ?? null,
        category: product.category ?? null,
      })),
    )
    .returning(columns)
    .execute();
  return rows.sort((a, b) => a.id - b.id).map(toProduct);
}

const creationBatches = new WeakMap<Db, (product: CreateProduct) => Promise<Product>>();

/**
 * Inserts one product. Outside a transaction, the creations of one event-loop turn on the same
 * database share one INSERT: under concurrent load that is one round trip and one commit for
 * all of them instead of one each, which is what bounds the rate of creations.
 */
export async function insertProduct(db: Db, product: CreateProduct): Promise<Product> {
  if (db.isTransaction) return (await insertProducts(db, [product]))[0] as Product;
  let insert = creationBatches.get(db);
  if (insert === undefined) {
    insert = perTurnBatch((products: CreateProduct[]) => insertProducts(db, products), {
      maxSize: 500,
      retryAlone: isRefusedForItsData,
    });
    creationBatches.set(db, insert);
  }
  return insert(product);
}

export async function updateProductRow(
  db: Db,
  id: number,
  changes: ProductChanges,
  now: Date,
): Promise<Product | undefined> {
  const row = await db
    .updateTable("products")
    .set({ ...changes, updated_at: now })
    .where("id", "=", id)
    .returning(columns)
    .executeTakeFirst();
  return row && toProduct(row);
}

/**
 * Deletes the product; the database's cascade removes its stock row and movements (the
 * inventory service's tables, which this service never writes). The stock row's id is read in
 * the same statement, from its snapshot, so the caller can name that row's cache keys.
 */
export async function deleteProductRow(
  db: Db,
  id: number,
): Promise<{ deleted: boolean; inventoryId?: number }> {
  const row = await db
    .with("removed", (query) => query.deleteFrom("products").where("id", "=", id).returning("id"))
    .selectFrom("removed")
    .leftJoin("inventory", "inventory.product_id", "removed.id")
    .select("inventory.id as inventoryId")
    .executeTakeFirst();
  if (row === undefined) return { deleted: false };
  return { deleted: true, inventoryId: row.inventoryId ?? undefined };
}
