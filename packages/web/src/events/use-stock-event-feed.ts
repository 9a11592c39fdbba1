import { useEffect, useRef, useState } from "preact/hooks";
import type { ApiError } from "../api/api-error.ts";
import type { StockEvent } from "../api/api-schemas.ts";
import { describeFailure } from "../api/describe-failure.ts";
import { listStockEvents } from "../api/stock-events-api.ts";
import { useLoadedList } from "../state/use-loaded-list.ts";
import type { Clock } from "../time/clock.ts";

/** How long the feed waits between two asks for newer events. */
export const POLL_INTERVAL_MS = 5000;

// The API's default page: a tab left open all day keeps the newest ones, not every one.
const SHOWN = 100;

export interface StockEventFeed {
  /** Newest first; undefined until the first read answered. */
  events: StockEvent[] | undefined;
  /** The last full read failed. */
  error: ApiError | undefined;
  /** The last ask for newer events failed: the list shown may be behind. */
  pollFailure: string | undefined;
  reload: () => Promise<void>;
}

/**
 * Stock events, read in full when the caller mounts and on each new `refreshes`, then kept
 * current by asking the API for the ones after the newest shown (`?after=`) every
 * POLL_INTERVAL_MS of `clock`, for as long as the caller stays mounted.
 */
export function useStockEventFeed(refreshes: number, clock: Clock): StockEventFeed {
  const list = useLoadedList(() => listStockEvents(), String(refreshes));
  const [pollFailure, setPollFailure] = useState<string>();
  // Read at each ask, so that the timer is not set again at every new event.
  const newestId = useRef<string | undefined>(undefined);
  newestId.current = list.items?.[0]?.id;
  const { update } = list;
  const loaded = list.items !== undefined;

  useEffect(() => {
    // Before the first answer there is no cursor, and an update would discard that answer.
    if (!loaded) return;
    let askedAt = clock.now();
    let asking = false;
    const askForNewer = async () => {
      asking = true;
      askedAt = clock.now();
      try {
        const newer = await listStockEvents(newestId.current);
        setPollFailure(undefined);
        if (newer.length > 0) update((shown) => newerFirst(newer, shown));
      } catch (failure) {
        setPollFailure(describeFailure(failure));
      } finally {
        asking = false;
      }
    };
    return clock.onTick(() => {
      if (!asking && clock.now() - askedAt >= POLL_INTERVAL_MS) void askForNewer();
    });
  }, [loaded, clock, update]);

  return { events: list.items, error: list.error, pollFailure, reload: list.reload };
}

/** The newer events above those shown, each once (a full read may have crossed an ask). */
function newerFirst(newer: readonly StockEvent[], shown: readonly StockEvent[]): StockEvent[] {
  const newIds = new Set(newer.map((event) => event.id));
  return [...newer, ...shown.filter((event) => !newIds.has(event.id))].slice(0, SHOWN);
}
