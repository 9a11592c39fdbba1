import type { Kysely } from "kysely";

// The five rows every fresh StockWiz database starts with (CONTRACT.md §2).
// Inserted in order so the serial ids are 1..5 and inventory row N belongs to product N.
const seedRows = [
  ["Laptop Dell XPS 13", "Ultrabook potente y ligera", 1299.99, 50, "Warehouse A"],
  ["Mouse Logitech MX Master", "Mouse ergonómico inalámbrico", 99.99, 150, "Warehouse A"],
  ["Teclado Mecánico", "Teclado mecánico RGB", 149.99, 75, "Warehouse B"],
  ["Monitor 4K", "Monitor 27 pulgadas 4K", 499.99, 30, "Warehouse A"],
  ["Webcam HD", "Cámara web Full HD", 79.99, 100, "Warehouse B"],
] as const;

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on today's schema types
export async function up(db: Kysely<any>): Promise<void> {
  const existing = await db
    .selectFrom("products")
    .select(db.fn.countAll().as("n"))
    .executeTakeFirst();
  if (Number(existing?.n ?? 0) > 0) return; // adopted legacy database: keep its data

  for (const [name, description, price, quantity, warehouse] of seedRows) {
    const product = await db
      .insertInto("products")
      .values({ name, description, price, category: "Electronics" })
      .returning("id")
      .executeTakeFirstOrThrow();
    await db
      .insertInto("inventory")
      .values({ product_id: product.id, quantity, warehouse })
      .execute();
  }
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.deleteFrom("products").where("id", "<=", seedRows.length).execute();
}
