import { sql } from "kysely";
import { int4Max } from "../db/column-limits.ts";
import type { Db, MovementKind } from "../db/database.ts";
import { AppError, conflict } from "../errors/app-error.ts";
import { insertMovement } from "../movements/movement-queries.ts";
import type { Level, LevelFilter } from "./level-schemas.ts";

/** A level as a write sees it under its lock: `reserved` is exact once lapsed holds are let go. */
export interface LockedLevel {
  id: number;
  inventory_id: number;
  product_id: number;
  location_id: number;
  on_hand: number;
  reserved: number;
}

export type LevelSelector =
  | { productIds: readonly number[] }
  | { levelIds: readonly number[] }
  | { locationId: number };

/**
 * Units held at a level at `now`: holds of reservations whose expires_at has passed count for
 * nothing, whether or not the sweep or a write has let go of them yet. The stored counter is the
 * sum of the holds not let go, so only the lapsed ones among them are read (an index range).
 */
const reservedAt = (now: Date) => sql<number>`(l.reserved - COALESCE((
  SELECT SUM(a.quantity) FROM reservation_allocations a
  WHERE a.level_id = l.id AND a.held AND a.expires_at <= ${now}
), 0))::integer`;

export async function selectLevels(db: Db, filter: LevelFilter, now: Date): Promise<Level[]> {
  let query = db
    .selectFrom("stock_levels as l")
    .innerJoin("locations as loc", "loc.id", "l.location_id")
    .select([
      "l.product_id",
      "l.location_id",
      "loc.name as location",
      "l.on_hand",
      reservedAt(now).as("reserved"),
      "l.updated_at",
    ])
    .orderBy("l.product_id")
    .orderBy("l.location_id");
  if (filter.product_id !== undefined) query = query.where("l.product_id", "=", filter.product_id);
  if (filter.location_id !== undefined) {
    query = query.where("l.location_id", "=", filter.location_id);
  }
  return (await query.execute()).map((row) => ({
    product_id: row.product_id,
    location_id: row.location_id,
    location: row.location,
    on_hand: row.on_hand,
    reserved: row.reserved,
    available: row.on_hand - row.reserved,
    updated_at: new Date(row.updated_at).toISOString(),
  }));
}

/** The levels of these products as last committed, `reserved` as of `now`; nothing locked. */
export async function selectLevelsOfProducts(db: Db, productIds: readonly number[], now: Date) {
  return db
    .selectFrom("stock_levels as l")
    .select(["l.product_id", "l.location_id", "l.on_hand", reservedAt(now).as("reserved")])
    .where("l.product_id", "in", [...productIds])
    .execute();
}

const levelColumns = [
  "id",
  "inventory_id",
  "product_id",
  "location_id",
  "on_hand",
  "reserved",
] as const;

function selectLockable(db: Db, selector: LevelSelector) {
  const query = db.selectFrom("stock_levels").select(levelColumns).orderBy("id");
  if ("productIds" in selector) return query.where("product_id", "in", [...selector.productIds]);
  if ("levelIds" in selector) return query.where("id", "in", [...selector.levelIds]);
  return query.where("location_id", "=", selector.locationId);
}

/**
 * Locks the levels a write touches, always in ascending id (so two writes over the same levels
 * never wait on each other in a cycle), lets go of the holds of reservations that lapsed at
 * `now`, and answers the levels as they now are.
 */
export async function lockLevels(
  db: Db,
  selector: LevelSelector,
  now: Date,
): Promise<LockedLevel[]> {
  if ("productIds" in selector && selector.productIds.length === 0) return [];
  if ("levelIds" in selector && selector.levelIds.length === 0) return [];
  const locked = await selectLockable(db, selector)
    // Most writes find no lapsed hold: asking in the same statement spares them a round trip
    // under the lock. It reads the statement's snapshot: a hold let go since is let go again
    // (nothing), and one it could miss still counts as reserved (a refusal, never an oversell).
    .select(
      sql<boolean>`EXISTS (
        SELECT 1 FROM reservation_allocations a
        WHERE a.level_id = stock_levels.id AND a.held AND a.expires_at <= ${now}
      )`.as("has_lapsed_holds"),
    )
    .forUpdate()
    .execute();
  if (locked.length === 0) return [];
  const levels = locked.map(({ has_lapsed_holds: _, ...level }) => level);
  if (!locked.some((level) => level.has_lapsed_holds)) return levels;
  const levelIds = levels.map((level) => level.id);
  const freed = await letGoOfLapsedHolds(db, levelIds, now);
  return freed === 0 ? levels : selectLockable(db, { levelIds }).execute();
}

/**
 * The holds at these (locked) levels of reservations past expires_at stop counting in
 * `reserved`. The reservation itself reads `expired` already; the sweep marks it so later.
 */
async function letGoOfLapsedHolds(db: Db, levelIds: number[], now: Date): Promise<number> {
  const { rows } = await sql<{ freed: number }>`
    WITH lapsed AS (
      UPDATE reservation_allocations a SET held = false
      WHERE a.held AND a.expires_at <= ${now} AND a.level_id IN (${sql.join(levelIds)})
      RETURNING a.level_id, a.quantity
    ), per_level AS (
      SELECT level_id, SUM(quantity)::integer AS units FROM lapsed GROUP BY level_id
    ), updated AS (
      UPDATE stock_levels l SET reserved = l.reserved - p.units
      FROM per_level p WHERE l.id = p.level_id
      RETURNING l.id
    )
    SELECT COUNT(*)::integer AS freed FROM updated
  `.execute(db);
  return rows[0]?.freed ?? 0;
}

/** Holds or lets go of units at a locked level. */
export async function changeReserved(db: Db, levelId: number, delta: number, now: Date) {
  await db
    .updateTable("stock_levels")
    .set({ reserved: sql`reserved + ${delta}`, updated_at: now })
    .where("id", "=", levelId)
    .execute();
}

export const insufficientStock = (available: number, delta: number) =>
  conflict(`Only ${available} in stock; cannot apply ${delta}`, "insufficient_stock");

export const tooLarge = () =>
  new AppError("validation", "The quantity would exceed the largest storable value", {
    errors: [{ path: "delta", message: "too large for this row" }],
  });

export interface OnHandChange {
  delta: number;
  kind: MovementKind;
  reason: string | null;
  requestId: string | null;
  /** Units that are about to stop being reserved in the same change (a commit). */
  releasing?: number;
}

/**
 * Changes on_hand at a locked level and writes its ledger entry. Never takes available below
 * zero. The stock record's quantity is the caller's to move (a transfer leaves it alone).
 */
export async function changeOnHand(
  db: Db,
  level: LockedLevel,
  change: OnHandChange,
  now: Date,
): Promise<number> {
  const releasing = change.releasing ?? 0;
  const onHand = level.on_hand + change.delta;
  if (onHand < level.reserved - releasing) {
    throw insufficientStock(level.on_hand - level.reserved, change.delta);
  }
  if (onHand > int4Max) throw tooLarge();
  await db
    .updateTable("stock_levels")
    .set({ on_hand: onHand, reserved: sql`reserved - ${releasing}`, updated_at: now })
    .where("id", "=", level.id)
    .execute();
  await insertMovement(
    db,
    {
      inventoryId: level.inventory_id,
      locationId: level.location_id,
      kind: change.kind,
      delta: change.delta,
      quantityAfter: onHand,
      reason: change.reason,
      requestId: change.requestId,
    },
    now,
  );
  level.on_hand = onHand;
  level.reserved -= releasing;
  return onHand;
}

/** The stock record follows its levels: quantity is the sum of their on_hand. */
export async function changeRecordQuantity(
  db: Db,
  inventoryId: number,
  delta: number,
  now: Date,
): Promise<void> {
  const row = await db
    .updateTable("inventory")
    .set({ quantity: sql`quantity + ${delta}`, last_updated: now, version: sql`version + 1` })
    .where("id", "=", inventoryId)
    .where(sql<boolean>`quantity::bigint + ${delta} <= ${int4Max}`)
    .returning("id")
    .executeTakeFirst();
  if (row === undefined) throw tooLarge();
}

/** Creates the (empty) level when missing; before any level is locked, so lock order holds. */
export async function ensureLevel(
  db: Db,
  level: { inventoryId: number; productId: number; locationId: number },
  now: Date,
): Promise<void> {
  await db
    .insertInto("stock_levels")
    .values({
      inventory_id: level.inventoryId,
      product_id: level.productId,
      location_id: level.locationId,
      updated_at: now,
    })
    .onConflict((oc) => oc.columns(["product_id", "location_id"]).doNothing())
    .execute();
}

/** The product's stock record, created empty when missing (a first adjust creates it). */
export async function ensureStockRecord(
  db: Db,
  productId: number,
  warehouse: string,
  now: Date,
): Promise<number> {
  await db
    .insertInto("inventory")
    .values({ product_id: productId, quantity: 0, warehouse, last_updated: now })
    .onConflict((oc) => oc.column("product_id").doNothing())
    .execute();
  const row = await db
    .selectFrom("inventory")
    .select("id")
    .where("product_id", "=", productId)
    .executeTakeFirstOrThrow();
  return row.id;
}
