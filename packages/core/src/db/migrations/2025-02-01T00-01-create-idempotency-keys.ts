import { type Kysely, sql } from "kysely";

// Frozen in time: never import application code here.
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on today's schema types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("idempotency_keys")
    .addColumn("key", "varchar(255)", (col) => col.notNull())
    .addColumn("scope", "varchar(100)", (col) => col.notNull())
    .addColumn("request_hash", "char(64)", (col) => col.notNull())
    .addColumn("status", "integer", (col) => col.notNull())
    .addColumn("body", "text")
    .addColumn("created_at", "timestamptz", (col) => col.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint("idempotency_keys_pkey", ["scope", "key"])
    .execute();
  await db.schema
    .createIndex("idx_idempotency_keys_created_at")
    .on("idempotency_keys")
    .column("created_at")
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("idempotency_keys").execute();
}
