import type { Location } from "../api/api-schemas.ts";
import { ServiceAlert } from "../components/service-alert.tsx";
import { type Clock, systemClock } from "../time/clock.ts";
import { StockEventsTable } from "./stock-events-table.tsx";
import { useStockEventFeed } from "./use-stock-event-feed.ts";

interface EventsPanelProps {
  /** Each new value reads the list again (the page's Refresh). */
  refreshes: number;
  productNames: ReadonlyMap<number, string>;
  locations: readonly Location[];
  /** Paces the asks for newer events; tests pass one they move by hand. */
  clock?: Clock;
}

/** Levels that ran low, ran out or were restocked, newest first, kept current while shown. */
export function EventsPanel({ refreshes, productNames, locations, clock }: EventsPanelProps) {
  const feed = useStockEventFeed(refreshes, clock ?? systemClock);
  const { events } = feed;
  return (
    <div>
      <div class="toolbar">
        <p class="toolbar__note">
          A level is listed when its available units fall to the product's low-stock threshold, run
          out, or come back above it. Newer events appear every few seconds.
        </p>
        <button type="button" class="toolbar__action" onClick={() => void feed.reload()}>
          Refresh events
        </button>
      </div>
      {feed.error && (
        <ServiceAlert
          subject="Stock events"
          error={feed.error}
          onRetry={() => void feed.reload()}
        />
      )}
      {feed.pollFailure && (
        <p role="alert">
          Newer events could not be read ({feed.pollFailure}); asking again in a few seconds.
        </p>
      )}
      {events === undefined && !feed.error && <p class="empty">Loading stock events…</p>}
      {events && events.length > 0 && (
        <StockEventsTable events={events} productNames={productNames} locations={locations} />
      )}
      {events?.length === 0 && (
        <p class="empty">
          No stock events yet: a level that runs low, runs out or is restocked is listed here.
        </p>
      )}
    </div>
  );
}
