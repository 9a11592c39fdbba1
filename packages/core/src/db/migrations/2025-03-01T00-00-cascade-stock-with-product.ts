import { type Kysely, sql } from "kysely";

// Frozen in time: never import application code here.
//
// Deleting a product must take its stock row with it (CONTRACT.md §2), and the database does it,
// so the product service never writes the inventory service's table. Databases this code
// created have the cascade already; one adopted with `create table if not exists` keeps the
// foreign key it came with, which may say NO ACTION. Such a key is replaced; a database with
// none gets one (an orphaned stock row then fails this migration, naming the key, rather than
// being deleted here). stock_movements were always created here with their own cascade from
// inventory, so a product's movements follow its stock row.

const cascade = "inventory_product_id_fkey";

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on today's schema types
export async function up(db: Kysely<any>): Promise<void> {
  const { rows } = await sql<{ name: string; onDelete: string }>`
    SELECT c.conname AS "name", c.confdeltype AS "onDelete"
    FROM pg_constraint c
    JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = ANY (c.conkey)
    WHERE c.contype = 'f'
      AND c.conrelid = 'inventory'::regclass
      AND c.confrelid = 'products'::regclass
      AND a.attname = 'product_id'
  `.execute(db);
  // confdeltype 'c' is ON DELETE CASCADE.
  const withoutCascade = rows.filter((key) => key.onDelete !== "c");
  for (const key of withoutCascade) {
    await db.schema.alterTable("inventory").dropConstraint(key.name).execute();
  }
  if (rows.length > withoutCascade.length) return;
  await db.schema
    .alterTable("inventory")
    .addForeignKeyConstraint(cascade, ["product_id"], "products", ["id"], (key) =>
      key.onDelete("cascade"),
    )
    .execute();
}

// No down: the cascade is the schema the contract states, and what an adopted database had
// before is not known here.
