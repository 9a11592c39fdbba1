import { type Kysely, sql } from "kysely";

// Frozen in time: never import application code here.
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on today's schema types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("products")
    .ifNotExists()
    .addColumn("id", "serial", (col) => col.primaryKey())
    .addColumn("name", "varchar(255)", (col) => col.notNull())
    .addColumn("description", "text")
    .addColumn("price", "numeric(10, 2)", (col) => col.notNull())
    .addColumn("category", "varchar(100)")
    .addColumn("created_at", "timestamptz", (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn("updated_at", "timestamptz", (col) => col.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex("idx_products_category")
    .ifNotExists()
    .on("products")
    .column("category")
    .execute();

  await db.schema
    .createTable("inventory")
    .ifNotExists()
    .addColumn("id", "serial", (col) => col.primaryKey())
    .addColumn("product_id", "integer", (col) =>
      col.notNull().unique().references("products.id").onDelete("cascade"),
    )
    .addColumn("quantity", "integer", (col) => col.notNull().defaultTo(0))
    .addColumn("warehouse", "varchar(100)")
    .addColumn("last_updated", "timestamptz", (col) => col.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex("idx_inventory_product_id")
    .ifNotExists()
    .on("inventory")
    .column("product_id")
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("inventory").ifExists().execute();
  await db.schema.dropTable("products").ifExists().execute();
}
