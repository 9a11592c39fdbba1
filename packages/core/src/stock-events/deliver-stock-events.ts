import type { ServiceDeps } from "../deps.ts";
import { claimStockEvents } from "./claim-stock-events.ts";
import { toStockEvent } from "./stock-event-queries.ts";
import type { StockEventSink } from "./stock-event-sink.ts";

/**
 * Sends undelivered stock events to `sink`, at least once and in sequence per level: in one
 * transaction it claims levels (claimStockEvents), sends their events one by one and marks each
 * delivered once the sink has accepted it. A crash before the commit leaves them undelivered
 * and unclaimed, so the next run sends them again. When the sink refuses one, it and the rest
 * wait for the next run (so no later event of its level overtakes it), the accepted ones stay
 * delivered, and the refusal is thrown after the commit. Safe to run in several processes at
 * once. Answers how many were delivered.
 */
export async function deliverStockEvents(
  { db, clock }: Pick<ServiceDeps, "db" | "clock">,
  sink: StockEventSink,
  options: { levels?: number } = {},
): Promise<number> {
  let refused: { error: unknown } | undefined;
  const delivered = await db.transaction().execute(async (trx) => {
    const claimed = await claimStockEvents(trx, options.levels ?? 100);
    let accepted = 0;
    for (const row of claimed) {
      try {
        await sink.send(toStockEvent(row));
      } catch (error) {
        refused = { error };
        break;
      }
      await trx
        .updateTable("stock_events")
        .set({ delivered_at: clock() })
        .where("id", "=", row.id)
        .execute();
      accepted += 1;
    }
    return accepted;
  });
  if (refused !== undefined) throw refused.error;
  return delivered;
}
