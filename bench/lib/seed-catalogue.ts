import { withPostgres } from "../../tests/kit/stores/scratch-database.ts";

/**
 * Replaces the catalogue with `count` products, each with one stock row, straight in SQL
 * (the services are not involved, so their caches are cleared afterwards by the caller).
 */
export const seedCatalogue = (databaseUrl: string, count: number): Promise<void> =>
  withPostgres(async (client) => {
    await client.query("BEGIN");
    await client.query("TRUNCATE products RESTART IDENTITY CASCADE");
    await client.query(
      `INSERT INTO products (name, description, price, category)
       SELECT 'Bench product ' || g,
              'A product seeded by npm run bench, number ' || g,
              round((1 + (g * 37) % 2000 + (g % 100) / 100.0)::numeric, 2),
              (ARRAY['Electronics', 'Office', 'Home', 'Garden'])[1 + g % 4]
       FROM generate_series(1, $1::int) AS g`,
      [count],
    );
    await client.query(
      `INSERT INTO inventory (product_id, quantity, warehouse)
       SELECT id, (id * 7) % 500, CASE WHEN id % 2 = 0 THEN 'Warehouse A' ELSE 'Warehouse B' END
       FROM products ORDER BY id`,
    );
    await client.query("COMMIT");
    await client.query("ANALYZE products");
    await client.query("ANALYZE inventory");
  }, databaseUrl);
