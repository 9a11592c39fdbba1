import type { Location, Reservation } from "../api/api-schemas.ts";
import { formatTimeLeft } from "../format/format-time-left.ts";
import { locationNameOf } from "../locations/location-name.ts";

interface ReservationsTableProps {
  reservations: readonly Reservation[];
  productNames: ReadonlyMap<number, string>;
  locations: readonly Location[];
  /** Milliseconds since the epoch, from the page's clock: the countdown follows it. */
  now: number;
  busy: boolean;
  onCommit: (reservation: Reservation) => void;
  onRelease: (reservation: Reservation) => void;
}

/** Active reservations: what each holds where, the time it has left, and its two ways out. */
export function ReservationsTable(props: ReservationsTableProps) {
  const { reservations, productNames, locations, now, busy, onCommit, onRelease } = props;
  const productName = (id: number) => productNames.get(id) ?? `Product #${id}`;
  return (
    <div class="table-scroll">
      <table>
        <caption class="visually-hidden">Active reservations</caption>
        <thead>
          <tr>
            <th scope="col">Reservation</th>
            <th scope="col">Items held</th>
            <th scope="col">Time left</th>
            <th scope="col">Actions</th>
          </tr>
        </thead>
        <tbody>
          {reservations.map((reservation) => {
            const name = nameOf(reservation);
            // Units stop being held at expires_at, whatever the list said when it was read.
            const left = Date.parse(reservation.expires_at) - now;
            return (
              <tr key={reservation.id} data-reservation-id={reservation.id}>
                <th scope="row">{name}</th>
                <td data-label="Items held">
                  <ul class="reservation-items">
                    {reservation.items.map((item) => (
                      <li key={item.product_id}>
                        {productName(item.product_id)} × {item.quantity}
                        {" — "}
                        {item.allocations
                          .map(
                            (allocation) =>
                              `${locationNameOf(locations, allocation.location_id)}: ${allocation.quantity}`,
                          )
                          .join(", ")}
                      </li>
                    ))}
                  </ul>
                </td>
                <td data-label="Time left">
                  <time dateTime={reservation.expires_at}>{formatTimeLeft(left)}</time>
                </td>
                <td>
                  {left > 0 && (
                    <div class="row-actions">
                      <button
                        type="button"
                        onClick={() => onCommit(reservation)}
                        disabled={busy}
                        aria-label={`Commit ${name}`}
                      >
                        Commit
                      </button>
                      <button
                        type="button"
                        onClick={() => onRelease(reservation)}
                        disabled={busy}
                        aria-label={`Release ${name}`}
                      >
                        Release
                      </button>
                    </div>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** The reference given when it was made, or the start of its id. */
export function nameOf(reservation: Reservation): string {
  return reservation.reference ?? `Reservation ${reservation.id.slice(0, 8)}`;
}
