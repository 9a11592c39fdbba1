import type { Transaction } from "kysely";
import type { Database } from "../db/database.ts";

/**
 * Claims up to `levels` levels with undelivered events, for the rest of the transaction: a level
 * is claimed by locking its oldest undelivered event (its head), skipping heads another
 * deliverer holds. Only a head may be claimed, so two deliverers never send the same level's
 * events side by side, and each level's events leave in sequence. Answers the claimed levels'
 * undelivered events, per level in sequence.
 */
export async function claimStockEvents(trx: Transaction<Database>, levels: number) {
  const heads = await trx
    .selectFrom("stock_events as e")
    .select("e.level_id")
    .where("e.delivered_at", "is", null)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom("stock_events as earlier")
            .select("earlier.id")
            .whereRef("earlier.level_id", "=", "e.level_id")
            .where("earlier.delivered_at", "is", null)
            .whereRef("earlier.sequence", "<", "e.sequence"),
        ),
      ),
    )
    .orderBy("e.id")
    .limit(levels)
    .forUpdate()
    .skipLocked()
    .execute();
  if (heads.length === 0) return [];
  return trx
    .selectFrom("stock_events")
    .selectAll()
    .where("delivered_at", "is", null)
    .where(
      "level_id",
      "in",
      heads.map((head) => head.level_id),
    )
    .orderBy("level_id")
    .orderBy("sequence")
    .execute();
}
