import { type Kysely, sql } from "kysely";

export interface LegacyStockRow {
  productId: number;
  inventoryId: number;
  quantity: number;
  warehouse: string | null;
}

/**
 * A product with a stock row and its ledger written as the schema before stock by location
 * had them (issue 17): a migration test populates an earlier schema with these, not with
 * today's handlers, which need today's tables. `deltas` sum to the quantity.
 */
export async function insertLegacyStockRow(
  // biome-ignore lint/suspicious/noExplicitAny: an earlier schema than today's types
  db: Kysely<any>,
  row: { name: string; warehouse: string | null; deltas: readonly number[] },
): Promise<LegacyStockRow> {
  const quantity = row.deltas.reduce((sum, delta) => sum + delta, 0);
  const { rows: products } = await sql<{ id: number }>`
    INSERT INTO products (name, price) VALUES (${row.name}, 10) RETURNING id`.execute(db);
  const productId = products[0]?.id as number;
  const { rows: stock } = await sql<{ id: number }>`
    INSERT INTO inventory (product_id, quantity, warehouse)
    VALUES (${productId}, ${quantity}, ${row.warehouse}) RETURNING id`.execute(db);
  const inventoryId = stock[0]?.id as number;
  let after = 0;
  for (const [index, delta] of row.deltas.entries()) {
    after += delta;
    await sql`
      INSERT INTO stock_movements (inventory_id, delta, quantity_after, reason)
      VALUES (${inventoryId}, ${delta}, ${after}, ${index === 0 ? "stock row created" : "sale"})
    `.execute(db);
  }
  return { productId, inventoryId, quantity, warehouse: row.warehouse };
}
