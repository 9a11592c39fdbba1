import type { Db } from "../db/database.ts";
import { conflict } from "../errors/app-error.ts";
import { ensureLevel, type LockedLevel, lockLevels } from "../levels/level-queries.ts";
import { findOrCreateLocation } from "../locations/location-queries.ts";
import { unassignedLocationName } from "../locations/location-schemas.ts";
import type { Inventory } from "./inventory-schemas.ts";

export const locationRequired = () =>
  conflict(
    "The product is stocked in several locations: name the location (location_id) or use /inventory/levels",
    "location_required",
  );

/** The location a legacy warehouse string names; rows without one keep their units apart. */
export const locationOfWarehouse = (db: Db, warehouse: string | null, now: Date) =>
  findOrCreateLocation(db, warehouse?.trim() ? warehouse : unassignedLocationName, now);

/**
 * The one level a legacy write on a stock row means, locked. A product stocked in several
 * locations makes the write ambiguous (409 location_required) rather than guessed; a row
 * without levels gets one at its warehouse when `create` is set.
 */
export async function lockLegacyLevel(
  db: Db,
  row: Inventory,
  now: Date,
  options: { create: boolean },
): Promise<LockedLevel | undefined> {
  const levels = await lockLevels(db, { productIds: [row.product_id] }, now);
  if (levels.length > 1) throw locationRequired();
  if (levels.length === 1 || !options.create) return levels[0];
  const location = await locationOfWarehouse(db, row.warehouse, now);
  await ensureLevel(
    db,
    { inventoryId: row.id, productId: row.product_id, locationId: location.id },
    now,
  );
  const [created] = await lockLevels(db, { productIds: [row.product_id] }, now);
  return created;
}

/**
 * A legacy PUT of `warehouse` for a product stocked in one location: its level (units, holds
 * and ledger) now belongs to the named location. Nothing is counted again; only where changes.
 */
export async function relocateLegacyLevel(
  db: Db,
  level: LockedLevel,
  warehouse: string | null,
  now: Date,
): Promise<void> {
  const location = await locationOfWarehouse(db, warehouse, now);
  if (location.id === level.location_id) return;
  await db
    .updateTable("stock_levels")
    .set({ location_id: location.id, updated_at: now })
    .where("id", "=", level.id)
    .execute();
  await db
    .updateTable("stock_movements")
    .set({ location_id: location.id })
    .where("inventory_id", "=", level.inventory_id)
    .where("location_id", "=", level.location_id)
    .execute();
  await db
    .updateTable("reservation_allocations")
    .set({ location_id: location.id })
    .where("level_id", "=", level.id)
    .execute();
  level.location_id = location.id;
}
