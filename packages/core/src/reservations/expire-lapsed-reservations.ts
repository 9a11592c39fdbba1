import { keysStaledByLevelWrite } from "../cache/cache-invalidation.ts";
import { withTransaction } from "../db/with-transaction.ts";
import type { ServiceDeps } from "../deps.ts";
import { lockLevels } from "../levels/level-queries.ts";
import {
  finishReservation,
  lockReservation,
  selectHeldAllocations,
} from "./reservation-queries.ts";

/**
 * Marks active reservations past expires_at as expired and lets go of their holds, oldest first,
 * one transaction each (same lock order as commit and release). Housekeeping only: reads and
 * writes already treat them as expired from the instant of expires_at. Answers how many it
 * marked; run it on an interval (the inventory service does in containers) or on a schedule.
 */
export async function expireLapsedReservations(
  deps: ServiceDeps,
  options: { limit?: number } = {},
): Promise<number> {
  const lapsed = await deps.db
    .selectFrom("reservations")
    .select("id")
    .where("status", "=", "active")
    .where("expires_at", "<=", deps.clock())
    .orderBy("expires_at")
    .limit(options.limit ?? 500)
    .execute();
  let expired = 0;
  for (const { id } of lapsed) {
    await withTransaction(deps, async ({ db, cache, clock }) => {
      const now = clock();
      const held = await selectHeldAllocations(db, id);
      const levelIds = [...new Set(held.flatMap(({ level_id }) => level_id ?? []))];
      // Locking lets go of every lapsed hold at these levels, this reservation's included.
      const levels = await lockLevels(db, { levelIds }, now);
      const stored = await lockReservation(db, id);
      if (stored?.status !== "active" || new Date(stored.expires_at) > now) return;
      await finishReservation(db, id, "expired");
      await cache.invalidate(keysStaledByLevelWrite(levels));
      expired += 1;
    });
  }
  return expired;
}
