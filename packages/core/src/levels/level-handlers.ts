import { keysStaledByInventoryWrite } from "../cache/cache-invalidation.ts";
import { withTransaction } from "../db/with-transaction.ts";
import type { ServiceDeps } from "../deps.ts";
import { AppError } from "../errors/app-error.ts";
import type { ChangeContext } from "../inventory/inventory-handlers.ts";
import { selectLocation } from "../locations/location-queries.ts";
import { selectProduct } from "../products/product-queries.ts";
import {
  changeOnHand,
  changeRecordQuantity,
  ensureLevel,
  ensureStockRecord,
  insufficientStock,
  lockLevels,
  selectLevels,
} from "./level-queries.ts";
import type { Level, LevelAdjustment, LevelFilter } from "./level-schemas.ts";

/** Levels are read from the database at the caller's clock: held units lapse at expires_at. */
export async function listLevels(
  { db, clock }: ServiceDeps,
  filter: LevelFilter,
): Promise<Level[]> {
  return selectLevels(db, filter, clock());
}

export const unknownLocation = (path: string) =>
  new AppError("validation", "No location has this id", {
    code: "unknown_location",
    errors: [{ path, message: "no location with this id" }],
  });

export const unknownProduct = (productId: number) =>
  new AppError("validation", `Product ${productId} does not exist`, {
    code: "unknown_product",
    errors: [{ path: "product_id", message: "no product with this id" }],
  });

/**
 * Adds or removes units at one location. Adding to a level that does not exist yet creates it,
 * and the product's stock record with it.
 */
export async function adjustLevel(
  deps: ServiceDeps,
  adjustment: LevelAdjustment,
  context: ChangeContext,
): Promise<Level> {
  return withTransaction(deps, async ({ db, cache, clock }) => {
    const now = clock();
    const { product_id: productId, location_id: locationId, delta } = adjustment;
    const location = await selectLocation(db, locationId);
    if (location === undefined) throw unknownLocation("location_id");
    if ((await selectProduct(db, productId)) === undefined) throw unknownProduct(productId);
    if (delta > 0) {
      const inventoryId = await ensureStockRecord(db, productId, location.name, now);
      await ensureLevel(db, { inventoryId, productId, locationId }, now);
    }
    const levels = await lockLevels(db, { productIds: [productId] }, now);
    const level = levels.find((candidate) => candidate.location_id === locationId);
    if (level === undefined) throw insufficientStock(0, delta);
    await changeOnHand(
      db,
      level,
      { delta, kind: "adjust", reason: adjustment.reason ?? null, requestId: context.requestId },
      now,
    );
    await changeRecordQuantity(db, level.inventory_id, delta, now);
    await cache.invalidate(keysStaledByInventoryWrite(level.inventory_id, productId));
    const [adjusted] = await selectLevels(
      db,
      { product_id: productId, location_id: locationId },
      now,
    );
    if (adjusted === undefined) throw new Error("The adjusted level vanished in its transaction");
    return adjusted;
  });
}
