import { keysStaledByInventoryWrite } from "../cache/cache-invalidation.ts";
import { cacheKeys, cacheTtl } from "../cache/cache-keys.ts";
import { readThrough } from "../cache/read-through.ts";
import { isForeignKeyViolation, isUniqueViolation } from "../db/postgres-errors.ts";
import type { ServiceDeps } from "../deps.ts";
import { AppError, badRequest, conflict, notFound } from "../errors/app-error.ts";
import {
  deleteInventoryRow,
  insertInventory,
  selectInventory,
  selectInventoryById,
  selectInventoryByProduct,
  updateInventoryRow,
} from "./inventory-queries.ts";
import type { CreateInventory, Inventory, InventoryChanges } from "./inventory-schemas.ts";

const inventoryNotFound = () => notFound("Inventory not found");

export async function listInventory({ db, cache }: ServiceDeps): Promise<Inventory[]> {
  const rows = await readThrough(cache, cacheKeys.inventoryList(), cacheTtl.list, () =>
    selectInventory(db),
  );
  return rows ?? [];
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
  { db, cache, clock }: ServiceDeps,
  input: CreateInventory,
): Promise<Inventory> {
  let row: Inventory;
  try {
    row = await insertInventory(db, input, clock());
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
  await cache.invalidate(keysStaledByInventoryWrite(row.id, row.product_id));
  return row;
}

export async function updateInventory(
  { db, cache, clock }: ServiceDeps,
  id: number,
  changes: InventoryChanges,
): Promise<Inventory> {
  if (changes.quantity === undefined && changes.warehouse === undefined) {
    throw badRequest("No fields to update");
  }
  const row = await updateInventoryRow(db, id, changes, clock());
  if (row === undefined) throw inventoryNotFound();
  await cache.invalidate(keysStaledByInventoryWrite(row.id, row.product_id));
  return row;
}

export async function deleteInventory({ db, cache }: ServiceDeps, id: number): Promise<void> {
  const row = await deleteInventoryRow(db, id);
  if (row === undefined) throw inventoryNotFound();
  await cache.invalidate(keysStaledByInventoryWrite(row.id, row.product_id));
}
