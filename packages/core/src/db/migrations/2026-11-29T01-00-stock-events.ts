import { type Kysely, sql } from "kysely";

// Frozen in time: never import application code here.
//
// Stock events (issue 17): a per-product low-stock threshold on the stock record, and an outbox
// of the moments a level's available (on_hand − reserved) changes state: `out` (0), `low`
// (1..threshold) or `restocked` (above the threshold again). The events are written by a
// trigger on stock_levels: every change of a level, whatever code path makes it (a write, a
// commit, a transfer, the let-go of lapsed holds), passes through that row, so the event is in
// the same transaction as the change and is rolled back with it.

const defaultLowStockThreshold = 10;

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on today's schema types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable("inventory")
    .addColumn("low_stock_threshold", "integer", (col) =>
      col.notNull().defaultTo(defaultLowStockThreshold).check(sql`low_stock_threshold >= 0`),
    )
    .execute();

  // No foreign keys: an outbox keeps what happened, even after the level or product is gone.
  await db.schema
    .createTable("stock_events")
    .addColumn("id", "bigserial", (col) => col.primaryKey())
    .addColumn("level_id", "integer", (col) => col.notNull())
    .addColumn("product_id", "integer", (col) => col.notNull())
    .addColumn("location_id", "integer", (col) => col.notNull())
    .addColumn("sequence", "integer", (col) => col.notNull())
    .addColumn("kind", "varchar(16)", (col) =>
      col.notNull().check(sql`kind IN ('low', 'out', 'restocked')`),
    )
    .addColumn("available_before", "integer", (col) => col.notNull())
    .addColumn("available_after", "integer", (col) => col.notNull())
    .addColumn("low_stock_threshold", "integer", (col) => col.notNull())
    .addColumn("occurred_at", "timestamptz", (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn("delivered_at", "timestamptz")
    .addUniqueConstraint("stock_events_level_sequence", ["level_id", "sequence"])
    .execute();
  // What the delivery loop reads: the undelivered events, per level in sequence.
  await sql`
    CREATE INDEX idx_stock_events_undelivered ON stock_events (level_id, sequence)
    WHERE delivered_at IS NULL
  `.execute(db);

  // The level's state as the people who restock see it.
  await sql`
    CREATE FUNCTION stock_level_state(available integer, threshold integer) RETURNS text
    LANGUAGE sql IMMUTABLE AS $$
      SELECT CASE WHEN available <= 0 THEN 'out'
                  WHEN available <= threshold THEN 'low'
                  ELSE 'restocked' END
    $$
  `.execute(db);
  // The writer holds the level's row lock here, so max(sequence) + 1 cannot race another
  // writer of the same level; the unique constraint is the last guard.
  await sql`
    CREATE FUNCTION record_stock_event() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
      threshold integer;
      state_before text;
      state_after text;
    BEGIN
      SELECT i.low_stock_threshold INTO threshold FROM inventory i WHERE i.id = NEW.inventory_id;
      state_before := stock_level_state(OLD.on_hand - OLD.reserved, threshold);
      state_after := stock_level_state(NEW.on_hand - NEW.reserved, threshold);
      IF state_before <> state_after THEN
        INSERT INTO stock_events (level_id, product_id, location_id, sequence, kind,
                                  available_before, available_after, low_stock_threshold)
        SELECT NEW.id, NEW.product_id, NEW.location_id, COALESCE(MAX(e.sequence), 0) + 1,
               state_after, OLD.on_hand - OLD.reserved, NEW.on_hand - NEW.reserved, threshold
        FROM stock_events e WHERE e.level_id = NEW.id;
      END IF;
      RETURN NULL;
    END
    $$
  `.execute(db);
  await sql`
    CREATE TRIGGER stock_levels_record_event
    AFTER UPDATE OF on_hand, reserved ON stock_levels
    FOR EACH ROW EXECUTE FUNCTION record_stock_event()
  `.execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on today's schema types
export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TRIGGER stock_levels_record_event ON stock_levels`.execute(db);
  await sql`DROP FUNCTION record_stock_event()`.execute(db);
  await sql`DROP FUNCTION stock_level_state(integer, integer)`.execute(db);
  await db.schema.dropTable("stock_events").execute();
  await db.schema.alterTable("inventory").dropColumn("low_stock_threshold").execute();
}
