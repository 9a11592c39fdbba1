import { withPostgres } from "../../tests/kit/stores/scratch-database.ts";
import type { LevelAfterRow } from "./oversold-check.ts";

/** Products the reservation rows draw from: consecutive ids, each stocked at one location. */
export interface ReservationStock {
  readonly firstProduct: number;
  readonly products: number;
  readonly locationId: number;
  readonly unitsEach: number;
}

/**
 * Adds `products` products, each with `unitsEach` units at Warehouse A: its stock record, its
 * one level and the ledger entry that opens it, as POST /inventory writes them, in SQL. No
 * cache holds these products yet, and no list the reservation rows read is cached.
 */
export const seedReservationStock = (
  databaseUrl: string,
  { products, unitsEach }: { products: number; unitsEach: number },
): Promise<ReservationStock> =>
  withPostgres(async (client) => {
    await client.query("BEGIN");
    const location = await client.query<{ id: number }>(
      "SELECT id FROM locations WHERE name = 'Warehouse A'",
    );
    const locationId = location.rows[0]?.id;
    if (locationId === undefined) throw new Error("the scratch database has no Warehouse A");
    const inserted = await client.query<{ first: number; last: number }>(
      `WITH added AS (
         INSERT INTO products (name, description, price, category)
         SELECT 'Reservation bench product ' || g, 'Seeded by npm run bench', 10, 'Bench'
         FROM generate_series(1, $1::int) AS g
         RETURNING id
       )
       SELECT min(id) AS first, max(id) AS last FROM added`,
      [products],
    );
    const { first, last } = inserted.rows[0] ?? { first: 0, last: -1 };
    // The wrk script draws ids from a range: it must hold these products and no others.
    if (last - first + 1 !== products)
      throw new Error("the seeded products' ids are not consecutive");
    await client.query(
      `INSERT INTO inventory (product_id, quantity, warehouse)
       SELECT id, $3::int, 'Warehouse A' FROM products WHERE id BETWEEN $1 AND $2 ORDER BY id`,
      [first, last, unitsEach],
    );
    await client.query(
      `INSERT INTO stock_levels (inventory_id, product_id, location_id, on_hand)
       SELECT id, product_id, $3, quantity FROM inventory WHERE product_id BETWEEN $1 AND $2
       ORDER BY id`,
      [first, last, locationId],
    );
    await client.query(
      `INSERT INTO stock_movements (inventory_id, location_id, kind, delta, quantity_after, reason)
       SELECT id, $3, 'create', quantity, quantity, 'stock row created'
       FROM inventory WHERE product_id BETWEEN $1 AND $2 ORDER BY id`,
      [first, last, locationId],
    );
    await client.query("COMMIT");
    await client.query("ANALYZE stock_levels");
    return { firstProduct: first, products, locationId, unitsEach };
  }, databaseUrl);

const lastProduct = (stock: ReservationStock) => stock.firstProduct + stock.products - 1;

/** Each level of the stock's products as the database holds it now, with its holds' units. */
export const levelsAfterRow = (databaseUrl: string, stock: ReservationStock) =>
  withPostgres(async (client) => {
    const { rows } = await client.query<LevelAfterRow>(
      `SELECT l.on_hand AS "onHand", l.reserved, COALESCE(sum(a.quantity), 0)::int AS held
       FROM stock_levels l
       LEFT JOIN reservation_allocations a ON a.level_id = l.id AND a.held
       WHERE l.product_id BETWEEN $1 AND $2
       GROUP BY l.id
       ORDER BY l.id`,
      [stock.firstProduct, lastProduct(stock)],
    );
    return rows;
  }, databaseUrl);

/** The units still held by the reservations one row made (its `reference`). */
export const unitsHeldBy = (databaseUrl: string, reference: string) =>
  withPostgres(async (client) => {
    const { rows } = await client.query<{ units: number }>(
      `SELECT COALESCE(sum(a.quantity), 0)::int AS units
       FROM reservation_allocations a JOIN reservations r ON r.id = a.reservation_id
       WHERE r.reference = $1 AND a.held`,
      [reference],
    );
    return rows[0]?.units ?? 0;
  }, databaseUrl);

/** Up to `count` ids of active reservations one row made, for commits and releases. */
export const activeReservations = (databaseUrl: string, reference: string, count: number) =>
  withPostgres(async (client) => {
    const { rows } = await client.query<{ id: string }>(
      `SELECT id FROM reservations WHERE reference = $1 AND status = 'active'
       ORDER BY created_at LIMIT $2`,
      [reference, count],
    );
    return rows.map((row) => row.id);
  }, databaseUrl);
