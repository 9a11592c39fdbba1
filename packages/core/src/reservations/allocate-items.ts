import type { FieldError } from "../errors/app-error.ts";
/** What planning needs of a level: a locked one, or one as last committed. */
export interface PlannableLevel {
  product_id: number;
  location_id: number;
  on_hand: number;
  reserved: number;
}

import type { CreateReservation } from "./reservation-schemas.ts";

export interface PlannedAllocation<Level> {
  itemIndex: number;
  level: Level;
  quantity: number;
}

/**
 * Where each item's units come from: its named location, or the locations with most available
 * first (ties by location id). Every item is planned or none is: `short` names the items that
 * cannot be held.
 */
export function allocateItems<Level extends PlannableLevel>(
  items: CreateReservation["items"],
  levels: readonly Level[],
): { allocations: PlannedAllocation<Level>[]; short: FieldError[] } {
  const allocations: PlannedAllocation<Level>[] = [];
  const short: FieldError[] = [];
  items.forEach((item, itemIndex) => {
    const candidates = levels
      .filter(
        (level) =>
          level.product_id === item.product_id &&
          (item.location_id === undefined || level.location_id === item.location_id),
      )
      .map((level) => ({ level, available: level.on_hand - level.reserved }))
      .filter(({ available }) => available > 0)
      .sort((a, b) => b.available - a.available || a.level.location_id - b.level.location_id);
    const available = candidates.reduce((sum, candidate) => sum + candidate.available, 0);
    if (available < item.quantity) {
      short.push({
        path: `items.${itemIndex}`,
        message: `only ${available} of product ${item.product_id} available; ${item.quantity} asked`,
      });
      return;
    }
    let needed = item.quantity;
    for (const { level, available: atLevel } of candidates) {
      if (needed === 0) break;
      const quantity = Math.min(needed, atLevel);
      allocations.push({ itemIndex, level, quantity });
      needed -= quantity;
    }
  });
  return { allocations, short };
}
