import { keysStaledByInventoryWrite } from "../cache/cache-invalidation.ts";
import { cacheKeys, cacheTtl } from "../cache/cache-keys.ts";
import { readThrough } from "../cache/read-through.ts";
import { isForeignKeyViolation, isUniqueViolation } from "../db/postgres-errors.ts";
import { withTransaction } from "../db/with-transaction.ts";
import type { ServiceDeps } from "../deps.ts";
import { AppError, badRequest, conflict, notFound } from "../errors/app-error.ts";
import { adjustLevel, unknownProduct } from "../levels/level-handlers.ts";
import {
  changeOnHand,
  changeRecordQuantity,
  insufficientStock,
  selectLevels,
} from "../levels/level-queries.ts";
import { selectMovements } from "../movements/movement-queries.ts";
import type { StockMovement } from "../movements/movement-schemas.ts";
import type { Page } from "../paging/keyset-page.ts";
import type { PageRequest } from "../paging/page-query.ts";
import {
  adjustOnlyLevelInOneStatement,
  deleteInventoryRow,
  insertInventory,
  lockInventory,
  selectInventory,
  selectInventoryById,
  selectInventoryByProduct,
  selectInventoryPage,
  updateInventoryRow,
} from "./inventory-queries.ts";
import type {
  CreateInventory,
  Inventory,
  InventoryChanges,
  InventoryFilter,
  StockAdjustment,
} from "./inventory-schemas.ts";
import { locationRequired, lockLegacyLevel, relocateLegacyLevel } from "./legacy-level.ts";

const inventoryNotFound = () => notFound("Inventory not found");

/** Who asked for a change: recorded in the ledger beside it. */
export interface ChangeContext {
  requestId: string | null;
}

/**
 * The key a stock list is cached under, if it is. Filtered lists are not: a write could not
 * name every filtered key it makes stale.
 */
export const inventoryListCacheKey = (filter: InventoryFilter): string | undefined =>
  filter.product_id_from === undefined && filter.product_id_to === undefined
    ? cacheKeys.inventoryList()
    : undefined;

export async function listInventory(
  { db, cache }: ServiceDeps,
  filter: InventoryFilter = {},
): Promise<Inventory[]> {
  const key = inventoryListCacheKey(filter);
  if (key === undefined) return selectInventory(db, filter);
  const rows = await readThrough(cache, key, cacheTtl.list, () => selectInventory(db));
  return rows ?? [];
}

/** One page of stock rows; not cached, as filtered lists are not. */
export async function listInventoryPage(
  { db }: ServiceDeps,
  filter: InventoryFilter,
  page: PageRequest,
): Promise<Page<Inventory>> {
  return selectInventoryPage(db, filter, page);
}

export async function getInventory({ db, cache }: ServiceDeps, id: number): Promise<Inventory> {
  const row = await readThrough(cache, cacheKeys.inventory(id), cacheTtl.entity, () =>
    selectInventoryById(db, id),
  );
  if (row === undefined) throw inventoryNotFound();
  return row;
}

export async function getInventoryByProduct(
  { db, cache }: ServiceDeps,
  productId: number,
): Promise<Inventory> {
  const row = await readThrough(
    cache,
    cacheKeys.inventoryByProduct(productId),
    cacheTtl.entity,
    () => selectInventoryByProduct(db, productId),
  );
  if (row === undefined) throw inventoryNotFound();
  return row;
}

export async function createInventory(
  deps: ServiceDeps,
  input: CreateInventory,
  context: ChangeContext,
): Promise<Inventory> {
  try {
    return await withTransaction(deps, async ({ db, cache, clock }) => {
      const now = clock();
      const row = await insertInventory(db, input, now);
      const level = await lockLegacyLevel(db, row, now, { create: true });
      if (level === undefined) throw new Error("The new stock row got no level");
      await changeOnHand(
        db,
        level,
        { delta: row.quantity, kind: "create", reason: "stock row created", ...context },
        now,
      );
      await cache.invalidate(keysStaledByInventoryWrite(row.id, row.product_id));
      return row;
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw conflict(
        `Product ${input.product_id} already has an inventory row`,
        "inventory_exists",
      );
    }
    if (isForeignKeyViolation(error)) throw unknownProduct(input.product_id);
    throw error;
  }
}

/**
 * Sets quantity or warehouse of a product stocked in one location (several: 409
 * location_required). With `expectedVersion` (from If-Match) it is a compare-and-set: a row
 * changed since the caller read it is a 412, never a silent overwrite.
 */
export async function updateInventory(
  deps: ServiceDeps,
  id: number,
  changes: InventoryChanges,
  context: ChangeContext & { expectedVersion?: number },
): Promise<Inventory> {
  if (changes.quantity === undefined && changes.warehouse === undefined) {
    throw badRequest("No fields to update");
  }
  return withTransaction(deps, async ({ db, cache, clock }) => {
    const now = clock();
    const found = await selectInventoryById(db, id);
    if (found === undefined) throw inventoryNotFound();
    // Levels first, then the row: every write takes its locks in that order.
    const level = await lockLegacyLevel(db, found, now, { create: true });
    const current = await lockInventory(db, id);
    if (current === undefined || level === undefined) throw inventoryNotFound();
    if (context.expectedVersion !== undefined && context.expectedVersion !== current.version) {
      throw new AppError(
        "precondition_failed",
        `The row is at version ${current.version}, not ${context.expectedVersion}`,
        { code: "version_mismatch" },
      );
    }
    if (changes.warehouse !== undefined) {
      await relocateLegacyLevel(db, level, changes.warehouse, now);
    }
    if (changes.quantity !== undefined && changes.quantity !== level.on_hand) {
      const delta = changes.quantity - level.on_hand;
      await changeOnHand(
        db,
        level,
        { delta, kind: "set", reason: "quantity set", requestId: context.requestId },
        now,
      );
    }
    const row = await updateInventoryRow(db, id, changes, now);
    if (row === undefined) throw inventoryNotFound();
    await cache.invalidate(keysStaledByInventoryWrite(row.id, row.product_id));
    return row;
  });
}

/**
 * Adds or removes units; available stock never goes below zero. Without `location_id` the
 * product must be stocked in one location (several: 409 location_required). The common case
 * is one statement; what it cannot decide takes the locked path.
 */
export async function adjustInventory(
  deps: ServiceDeps,
  id: number,
  adjustment: StockAdjustment,
  context: ChangeContext,
): Promise<Inventory> {
  const { delta, location_id: locationId } = adjustment;
  const reason = adjustment.reason ?? null;
  if (locationId === undefined) {
    const now = deps.clock();
    const change = { id, delta, reason, requestId: context.requestId, now };
    const row = await adjustOnlyLevelInOneStatement(deps.db, change);
    if (row !== undefined) {
      await deps.cache.invalidate(keysStaledByInventoryWrite(row.id, row.product_id));
      return row;
    }
    await refuseWithoutLocking(deps, id, delta);
  }
  return withTransaction(deps, async (tx) => {
    const { db, cache, clock } = tx;
    const now = clock();
    const row = await selectInventoryById(db, id);
    if (row === undefined) throw inventoryNotFound();
    if (locationId !== undefined) {
      const { reason } = adjustment;
      await adjustLevel(
        tx,
        { product_id: row.product_id, location_id: locationId, delta, reason },
        context,
      );
    } else {
      const level = await lockLegacyLevel(db, row, now, { create: delta > 0 });
      if (level === undefined) throw insufficientStock(0, delta);
      await changeOnHand(db, level, { delta, kind: "adjust", reason, ...context }, now);
      await changeRecordQuantity(db, row.id, delta, now);
      await cache.invalidate(keysStaledByInventoryWrite(row.id, row.product_id));
    }
    const adjusted = await selectInventoryById(db, id);
    if (adjusted === undefined) throw inventoryNotFound();
    return adjusted;
  });
}

/**
 * The refusals the last committed state decides without queueing for a lock: no such row,
 * several locations, or too few units available (lapsed holds already counted as free).
 */
async function refuseWithoutLocking({ db, clock }: ServiceDeps, id: number, delta: number) {
  const row = await selectInventoryById(db, id);
  if (row === undefined) throw inventoryNotFound();
  const levels = await selectLevels(db, { product_id: row.product_id }, clock());
  if (levels.length > 1) throw locationRequired();
  const available = levels[0]?.available ?? 0;
  if (delta < 0 && available + delta < 0) throw insufficientStock(available, delta);
}

export async function deleteInventory({ db, cache }: ServiceDeps, id: number): Promise<void> {
  const row = await deleteInventoryRow(db, id);
  if (row === undefined) throw inventoryNotFound();
  await cache.invalidate(keysStaledByInventoryWrite(row.id, row.product_id));
}

export async function listMovements(
  { db }: ServiceDeps,
  inventoryId: number,
): Promise<StockMovement[]> {
  const movements = await selectMovements(db, inventoryId);
  if (movements.length === 0 && (await selectInventoryById(db, inventoryId)) === undefined) {
    throw inventoryNotFound();
  }
  return movements;
}
