import { type Kysely, sql } from "kysely";

// Frozen in time: never import application code here.
//
// Stock by location (CONTRACT.md §9). Every inventory row becomes one level at the location
// named by its `warehouse` (rows without one, or a blank one, go to `Unassigned`), with its
// whole quantity on hand; its ledger entries are given that location and a kind. The inventory row stays: it is
// the product's stock record, its quantity the sum of its levels' on_hand.

// As the inventory service reads a legacy warehouse: blank or missing names no location.
const locationName = sql`CASE WHEN btrim(COALESCE(warehouse, '')) = '' THEN 'Unassigned' ELSE warehouse END`;

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on today's schema types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("locations")
    .addColumn("id", "serial", (col) => col.primaryKey())
    .addColumn("name", "varchar(100)", (col) => col.notNull().unique())
    .addColumn("created_at", "timestamptz", (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn("updated_at", "timestamptz", (col) => col.notNull().defaultTo(sql`now()`))
    .execute();
  // The seed's two warehouses first, so a fresh database has them as 1 and 2.
  await sql`
    INSERT INTO locations (name) VALUES ('Warehouse A'), ('Warehouse B');
  `.execute(db);
  await sql`
    INSERT INTO locations (name)
    SELECT DISTINCT ${locationName} FROM inventory
    ORDER BY 1
    ON CONFLICT (name) DO NOTHING
  `.execute(db);

  // reserved counts the units of holds not yet let go (see reservation_allocations.held); the
  // CHECK is the last guard of "available is never negative".
  await db.schema
    .createTable("stock_levels")
    .addColumn("id", "serial", (col) => col.primaryKey())
    .addColumn("inventory_id", "integer", (col) =>
      col.notNull().references("inventory.id").onDelete("cascade"),
    )
    .addColumn("product_id", "integer", (col) => col.notNull())
    .addColumn("location_id", "integer", (col) => col.notNull().references("locations.id"))
    .addColumn("on_hand", "integer", (col) => col.notNull().defaultTo(0).check(sql`on_hand >= 0`))
    .addColumn("reserved", "integer", (col) => col.notNull().defaultTo(0).check(sql`reserved >= 0`))
    .addColumn("updated_at", "timestamptz", (col) => col.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint("stock_levels_product_location", ["product_id", "location_id"])
    .addCheckConstraint("stock_levels_available_not_negative", sql`on_hand >= reserved`)
    .execute();
  await db.schema
    .createIndex("idx_stock_levels_location_id")
    .on("stock_levels")
    .column("location_id")
    .execute();
  await sql`
    INSERT INTO stock_levels (inventory_id, product_id, location_id, on_hand, updated_at)
    SELECT inventory.id, product_id, l.id, quantity, last_updated
    FROM inventory
    JOIN locations l ON l.name = ${locationName}
    ORDER BY inventory.id
  `.execute(db);

  await db.schema
    .createTable("reservations")
    .addColumn("id", "uuid", (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("status", "varchar(16)", (col) =>
      col.notNull().check(sql`status IN ('active', 'committed', 'released', 'expired')`),
    )
    .addColumn("reference", "varchar(200)")
    .addColumn("expires_at", "timestamptz", (col) => col.notNull())
    .addColumn("created_at", "timestamptz", (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex("idx_reservations_active_expiry")
    .on("reservations")
    .column("expires_at")
    .where(sql.ref("status"), "=", "active")
    .execute();
  await db.schema
    .createIndex("idx_reservations_created_at")
    .on("reservations")
    .columns(["created_at", "id"])
    .execute();

  // One row per (item, level) the units came from. `held` while its units count in the level's
  // reserved; commit, release and expiry let go of them. level_id and location_id become null
  // only when an emptied location is deleted; the allocation stays as history.
  await db.schema
    .createTable("reservation_allocations")
    .addColumn("id", "bigserial", (col) => col.primaryKey())
    .addColumn("reservation_id", "uuid", (col) =>
      col.notNull().references("reservations.id").onDelete("cascade"),
    )
    .addColumn("item_index", "integer", (col) => col.notNull())
    .addColumn("product_id", "integer", (col) => col.notNull())
    .addColumn("level_id", "integer", (col) =>
      col.references("stock_levels.id").onDelete("set null"),
    )
    .addColumn("location_id", "integer", (col) =>
      col.references("locations.id").onDelete("set null"),
    )
    .addColumn("quantity", "integer", (col) => col.notNull().check(sql`quantity > 0`))
    .addColumn("held", "boolean", (col) => col.notNull())
    // The reservation's, copied: a level's lapsed holds are then one index range away, without
    // visiting every hold at the level (a hot item holds thousands).
    .addColumn("expires_at", "timestamptz", (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex("idx_reservation_allocations_reservation")
    .on("reservation_allocations")
    .columns(["reservation_id", "item_index"])
    .execute();
  await db.schema
    .createIndex("idx_reservation_allocations_held_level")
    .on("reservation_allocations")
    .columns(["level_id", "expires_at"])
    .where(sql.ref("held"), "=", true)
    .execute();
  await db.schema
    .createIndex("idx_reservation_allocations_product")
    .on("reservation_allocations")
    .column("product_id")
    .execute();

  await db.schema
    .createTable("stock_transfers")
    .addColumn("id", "serial", (col) => col.primaryKey())
    .addColumn("product_id", "integer", (col) => col.notNull())
    .addColumn("from_location_id", "integer", (col) => col.notNull())
    .addColumn("to_location_id", "integer", (col) => col.notNull())
    .addColumn("quantity", "integer", (col) => col.notNull().check(sql`quantity > 0`))
    .addColumn("reason", "varchar(200)")
    .addColumn("created_at", "timestamptz", (col) => col.notNull())
    .execute();

  // The ledger learns where and how: existing entries belong to the row's one level.
  await db.schema
    .alterTable("stock_movements")
    .addColumn("location_id", "integer", (col) =>
      col.references("locations.id").onDelete("set null"),
    )
    .addColumn("kind", "varchar(16)", (col) => col.notNull().defaultTo("adjust"))
    .execute();
  await sql`
    UPDATE stock_movements m
    SET location_id = s.location_id,
        kind = CASE m.reason
          WHEN 'opening balance' THEN 'create'
          WHEN 'stock row created' THEN 'create'
          WHEN 'quantity set' THEN 'set'
          ELSE 'adjust' END
    FROM stock_levels s
    WHERE s.inventory_id = m.inventory_id
  `.execute(db);
  await db.schema
    .alterTable("stock_movements")
    .alterColumn("kind", (col) => col.dropDefault())
    .execute();
  await db.schema
    .alterTable("stock_movements")
    .addCheckConstraint(
      "stock_movements_kind",
      sql`kind IN ('adjust', 'set', 'transfer_in', 'transfer_out', 'commit', 'create')`,
    )
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("stock_movements").dropConstraint("stock_movements_kind").execute();
  await db.schema.alterTable("stock_movements").dropColumn("kind").execute();
  await db.schema.alterTable("stock_movements").dropColumn("location_id").execute();
  await db.schema.dropTable("stock_transfers").execute();
  await db.schema.dropTable("reservation_allocations").execute();
  await db.schema.dropTable("reservations").execute();
  await db.schema.dropTable("stock_levels").execute();
  await db.schema.dropTable("locations").execute();
}
