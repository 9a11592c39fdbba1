import type { Location, StockEvent } from "../api/api-schemas.ts";
import { formatDateTime } from "../format/format-date-time.ts";
import { locationNameOf } from "../locations/location-name.ts";
import { StockEventKind } from "./stock-event-kind.tsx";

interface StockEventsTableProps {
  events: readonly StockEvent[];
  productNames: ReadonlyMap<number, string>;
  locations: readonly Location[];
}

/** One row per event, newest first: what happened, to which product where, and when. */
export function StockEventsTable({ events, productNames, locations }: StockEventsTableProps) {
  return (
    <div class="table-scroll">
      <table>
        <caption class="visually-hidden">Stock events, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Event</th>
            <th scope="col">Product</th>
            <th scope="col">Location</th>
            <th scope="col">Available</th>
            <th scope="col" class="numeric">
              Threshold
            </th>
            <th scope="col">When</th>
          </tr>
        </thead>
        <tbody>
          {events.map((event) => (
            <tr key={event.id} data-event-id={event.id}>
              <td data-label="Event">
                <StockEventKind kind={event.kind} />
              </td>
              <th scope="row">
                {productNames.get(event.product_id) ?? `Product #${event.product_id}`}
              </th>
              <td data-label="Location">{locationNameOf(locations, event.location_id)}</td>
              <td data-label="Available" class="numeric">
                {event.available_before} <span aria-hidden="true">→</span>
                <span class="visually-hidden">to</span> {event.available_after}
              </td>
              <td data-label="Threshold" class="numeric">
                {event.low_stock_threshold}
              </td>
              <td data-label="When">
                <time dateTime={event.occurred_at}>{formatDateTime(event.occurred_at)}</time>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
