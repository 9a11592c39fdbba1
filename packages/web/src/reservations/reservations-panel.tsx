import { useState } from "preact/hooks";
import type { Location, Product, Reservation } from "../api/api-schemas.ts";
import { describeFailure } from "../api/describe-failure.ts";
import {
  commitReservation,
  listActiveReservations,
  releaseReservation,
} from "../api/reservations-api.ts";
import { useIdempotentWrite } from "../forms/use-idempotent-write.ts";
import { useLoadedList } from "../state/use-loaded-list.ts";
import { type Clock, systemClock } from "../time/clock.ts";
import { useNow } from "../time/use-now.ts";
import { ReservationForm } from "./reservation-form.tsx";
import { nameOf, ReservationsTable } from "./reservations-table.tsx";

interface ReservationsPanelProps {
  /** Each new value reads the list again (the page's Refresh). */
  refreshes: number;
  products: readonly Product[];
  productNames: ReadonlyMap<number, string>;
  locations: readonly Location[];
  /** Told after stock changed here, with what changed. */
  onDone: (message: string) => void;
  onFailed: (message: string) => void;
  clock?: Clock;
}

/** Makes reservations and lists the active ones, counting down to their expiry. */
export function ReservationsPanel(props: ReservationsPanelProps) {
  const { products, productNames, locations, onDone, onFailed } = props;
  const reservations = useLoadedList(listActiveReservations, String(props.refreshes));
  const now = useNow(props.clock ?? systemClock);
  const [busy, setBusy] = useState(false);
  const sendOnce = useIdempotentWrite();

  const changed = (message: string) => {
    void reservations.reload();
    onDone(message);
  };

  const finish = async (reservation: Reservation, action: "commit" | "release") => {
    setBusy(true);
    try {
      const write = action === "commit" ? commitReservation : releaseReservation;
      await sendOnce({ action, id: reservation.id }, (key) => write(reservation.id, key));
      changed(`${nameOf(reservation)} ${action === "commit" ? "committed" : "released"}.`);
    } catch (error) {
      onFailed(`${nameOf(reservation)} was not changed. ${describeFailure(error)}`);
      void reservations.reload();
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class="reservations">
      {/* Its first item starts on the first product, so it waits for the list. */}
      {products.length > 0 && (
        <ReservationForm
          products={products}
          locations={locations}
          onReserved={(reservation) => changed(`${nameOf(reservation)} is holding its units.`)}
        />
      )}
      <h3>Active reservations</h3>
      {reservations.error && (
        <p role="alert">Reservations could not be loaded: {reservations.error.message}</p>
      )}
      {reservations.items && reservations.items.length > 0 && (
        <ReservationsTable
          reservations={reservations.items}
          productNames={productNames}
          locations={locations}
          now={now}
          busy={busy}
          onCommit={(reservation) => void finish(reservation, "commit")}
          onRelease={(reservation) => void finish(reservation, "release")}
        />
      )}
      {reservations.items?.length === 0 && <p class="empty">No active reservations.</p>}
    </div>
  );
}
