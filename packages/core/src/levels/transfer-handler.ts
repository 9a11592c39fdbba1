import { keysStaledByLevelWrite } from "../cache/cache-invalidation.ts";
import { withTransaction } from "../db/with-transaction.ts";
import type { ServiceDeps } from "../deps.ts";
import type { ChangeContext } from "../inventory/inventory-handlers.ts";
import { selectInventoryByProduct } from "../inventory/inventory-queries.ts";
import { selectLocation } from "../locations/location-queries.ts";
import { selectProduct } from "../products/product-queries.ts";
import { unknownLocation, unknownProduct } from "./level-handlers.ts";
import { changeOnHand, ensureLevel, insufficientStock, lockLevels } from "./level-queries.ts";
import type { Transfer, TransferInput } from "./transfer-schemas.ts";

/**
 * Moves available units of a product between two locations in one transaction, creating the
 * destination level if needed. The product's total on hand does not change.
 */
export async function transferStock(
  deps: ServiceDeps,
  input: TransferInput,
  context: ChangeContext,
): Promise<Transfer> {
  return withTransaction(deps, async ({ db, cache, clock }) => {
    const now = clock();
    const { product_id: productId, quantity } = input;
    for (const path of ["from_location_id", "to_location_id"] as const) {
      if ((await selectLocation(db, input[path])) === undefined) throw unknownLocation(path);
    }
    const record = await selectInventoryByProduct(db, productId);
    if (record === undefined) {
      if ((await selectProduct(db, productId)) === undefined) throw unknownProduct(productId);
      throw insufficientStock(0, -quantity);
    }
    await ensureLevel(
      db,
      { inventoryId: record.id, productId, locationId: input.to_location_id },
      now,
    );
    const levels = await lockLevels(db, { productIds: [productId] }, now);
    const from = levels.find((level) => level.location_id === input.from_location_id);
    const to = levels.find((level) => level.location_id === input.to_location_id);
    if (from === undefined) throw insufficientStock(0, -quantity);
    if (to === undefined) throw new Error("The destination level vanished in its transaction");
    const reason = input.reason ?? null;
    const { requestId } = context;
    await changeOnHand(
      db,
      from,
      { delta: -quantity, kind: "transfer_out", reason, requestId },
      now,
    );
    await changeOnHand(db, to, { delta: quantity, kind: "transfer_in", reason, requestId }, now);
    const transfer = await db
      .insertInto("stock_transfers")
      .values({
        product_id: productId,
        from_location_id: from.location_id,
        to_location_id: to.location_id,
        quantity,
        reason,
        created_at: now,
      })
      .returning([
        "id",
        "product_id",
        "from_location_id",
        "to_location_id",
        "quantity",
        "created_at",
      ])
      .executeTakeFirstOrThrow();
    await cache.invalidate(keysStaledByLevelWrite([from]));
    return { ...transfer, created_at: new Date(transfer.created_at).toISOString() };
  });
}
