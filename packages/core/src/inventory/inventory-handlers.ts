import { keysStaledByInventoryWrite } from "../cache/cache-invalidation.ts";
import { cacheKeys, cacheTtl } from "../cache/cache-keys.ts";
import { readThrough } from "../cache/read-through.ts";
import { isForeignKeyViolation, isOutOfRange, isUniqueViolation } from "../db/postgres-errors.ts";
import { withTransaction } from "../db/with-transaction.ts";
import type { ServiceDeps } from "../deps.ts";
import { AppError, badRequest, conflict, notFound } from "../errors/app-error.ts";
import { insertMovement, selectMovements } from "../movements/movement-queries.ts";
import type { StockMovement } from "../movements/movement-schemas.ts";
import type { Page } from "../paging/keyset-page.ts";
import type { PageRequest } from "../paging/page-query.ts";
import {
  adjustQuantityWithMovement,
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

const inventoryNotFound = () => notFound("Inventory not found");

/** Who asked for a change: recorded in the ledger beside it. */
export interface ChangeContext {
  requestId: string | null;
}

export async function listInventory(
  { db, cache }: ServiceDeps,
  filter: InventoryFilter = {},
): Promise<Inventory[]> {
  // Filtered lists are not cached: a write could not name every filtered key it makes stale.
  if (filter.product_id_from !== undefined || filter.product_id_to !== undefined)
    return selectInventory(db, filter);
  const rows = await readThrough(cache, cacheKeys.inventoryList(), cacheTtl.list, () =>
    selectInventory(db),
  );
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
      const row = await insertInventory(db, input, clock());
      await insertMovement(
        db,
        {
          inventoryId: row.id,
          delta: row.quantity,
          quantityAfter: row.quantity,
          reason: "stock row created",
          requestId: context.requestId,
        },
        clock(),
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
    if (isForeignKeyViolation(error)) {
      throw new AppError("validation", `Product ${input.product_id} does not exist`, {
        code: "unknown_product",
        errors: [{ path: "product_id", message: "no product with this id" }],
      });
    }
    throw error;
  }
}

/**
 * Sets quantity or warehouse. With `expectedVersion` (from If-Match) it is a compare-and-set:
 * a row changed since the caller read it is a 412, never a silent overwrite.
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
    const current = await lockInventory(db, id);
    if (current === undefined) throw inventoryNotFound();
    if (context.expectedVersion !== undefined && context.expectedVersion !== current.version) {
      throw new AppError(
        "precondition_failed",
        `The row is at version ${current.version}, not ${context.expectedVersion}`,
        { code: "version_mismatch" },
      );
    }
    const row = await updateInventoryRow(db, id, changes, clock());
    if (row === undefined) throw inventoryNotFound();
    const delta = row.quantity - current.quantity;
    if (delta !== 0) {
      await insertMovement(
        db,
        {
          inventoryId: id,
          delta,
          quantityAfter: row.quantity,
          reason: "quantity set",
          requestId: context.requestId,
        },
        clock(),
      );
    }
    await cache.invalidate(keysStaledByInventoryWrite(row.id, row.product_id));
    return row;
  });
}

/** Adds or removes units atomically; stock never goes below zero. */
export async function adjustInventory(
  { db, cache, clock }: ServiceDeps,
  id: number,
  adjustment: StockAdjustment,
  context: ChangeContext,
): Promise<Inventory> {
  let row: Inventory | undefined;
  try {
    row = await adjustQuantityWithMovement(db, {
      id,
      delta: adjustment.delta,
      reason: adjustment.reason ?? null,
      requestId: context.requestId,
      now: clock(),
    });
  } catch (error) {
    if (!isOutOfRange(error)) throw error;
    throw new AppError("validation", "The quantity would exceed the largest storable value", {
      errors: [{ path: "delta", message: "too large for this row" }],
    });
  }
  if (row === undefined) {
    const existing = await selectInventoryById(db, id);
    if (existing === undefined) throw inventoryNotFound();
    throw conflict(
      `Only ${existing.quantity} in stock; cannot apply ${adjustment.delta}`,
      "insufficient_stock",
    );
  }
  await cache.invalidate(keysStaledByInventoryWrite(row.id, row.product_id));
  return row;
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
