import { type Kysely, sql } from "kysely";

// Frozen in time: never import application code here.
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on today's schema types
export async function up(db: Kysely<any>): Promise<void> {
  // Compare-and-set for PUT with If-Match: every quantity or warehouse change bumps it.
  await db.schema
    .alterTable("inventory")
    .addColumn("version", "integer", (col) => col.notNull().defaultTo(1))
    .execute();

  await db.schema
    .createTable("stock_movements")
    .addColumn("id", "bigserial", (col) => col.primaryKey())
    .addColumn("inventory_id", "integer", (col) =>
      col.notNull().references("inventory.id").onDelete("cascade"),
    )
    .addColumn("delta", "integer", (col) => col.notNull())
    .addColumn("quantity_after", "integer", (col) => col.notNull().check(sql`quantity_after >= 0`))
    .addColumn("reason", "varchar(200)")
    .addColumn("request_id", "varchar(128)")
    .addColumn("created_at", "timestamptz", (col) => col.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex("idx_stock_movements_inventory_id")
    .on("stock_movements")
    .columns(["inventory_id", "id"])
    .execute();

  // Rows that predate the ledger open it with their current quantity, so deltas sum to it.
  await sql`
    INSERT INTO stock_movements (inventory_id, delta, quantity_after, reason)
    SELECT id, quantity, quantity, 'opening balance' FROM inventory ORDER BY id
  `.execute(db);

  await db.schema
    .alterTable("inventory")
    .addCheckConstraint("inventory_quantity_not_negative", sql`quantity >= 0`)
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable("inventory")
    .dropConstraint("inventory_quantity_not_negative")
    .execute();
  await db.schema.dropTable("stock_movements").execute();
  await db.schema.alterTable("inventory").dropColumn("version").execute();
}
