import { sql } from "kysely";
import type { Db } from "../db/database.ts";
import type { Reservation, ReservationFilter, ReservationStatus } from "./reservation-schemas.ts";

/** The status as of `now`: an active reservation past expires_at is expired, swept or not. */
const statusAt = (now: Date) =>
  sql<ReservationStatus>`CASE WHEN r.status = 'active' AND r.expires_at <= ${now} THEN 'expired' ELSE r.status END`;

export async function selectReservations(
  db: Db,
  filter: ReservationFilter & { id?: string },
  now: Date,
): Promise<Reservation[]> {
  let query = db
    .selectFrom("reservations as r")
    .select(["r.id", statusAt(now).as("status"), "r.reference", "r.expires_at", "r.created_at"])
    .orderBy("r.created_at", "desc")
    .orderBy("r.id", "desc");
  if (filter.id !== undefined) query = query.where("r.id", "=", filter.id);
  if (filter.status !== undefined) query = query.where(statusAt(now), "=", filter.status);
  const { product_id: productId } = filter;
  if (productId !== undefined) {
    query = query.where(({ exists, selectFrom }) =>
      exists(
        selectFrom("reservation_allocations as a")
          .select("a.id")
          .whereRef("a.reservation_id", "=", "r.id")
          .where("a.product_id", "=", productId),
      ),
    );
  }
  const reservations = await query.execute();
  if (reservations.length === 0) return [];
  const allocations = await db
    .selectFrom("reservation_allocations")
    .select(["reservation_id", "item_index", "product_id", "location_id", "quantity"])
    .where(
      "reservation_id",
      "in",
      reservations.map((reservation) => reservation.id),
    )
    .orderBy("reservation_id")
    .orderBy("item_index")
    .orderBy("id")
    .execute();
  return reservations.map((reservation) => {
    const items: Reservation["items"] = [];
    for (const allocation of allocations) {
      if (allocation.reservation_id !== reservation.id) continue;
      const item = items[allocation.item_index] ?? {
        product_id: allocation.product_id,
        quantity: 0,
        allocations: [],
      };
      items[allocation.item_index] = item;
      item.quantity += allocation.quantity;
      item.allocations.push({ location_id: allocation.location_id, quantity: allocation.quantity });
    }
    return {
      id: reservation.id,
      status: reservation.status,
      reference: reservation.reference,
      expires_at: new Date(reservation.expires_at).toISOString(),
      created_at: new Date(reservation.created_at).toISOString(),
      items,
    };
  });
}

export interface HeldAllocation {
  id: string;
  level_id: number | null;
  quantity: number;
}

/** The allocations still counted in their levels' reserved. */
export function selectHeldAllocations(db: Db, reservationId: string): Promise<HeldAllocation[]> {
  return db
    .selectFrom("reservation_allocations")
    .select(["id", "level_id", "quantity"])
    .where("reservation_id", "=", reservationId)
    .where("held", "=", true)
    .orderBy("id")
    .execute();
}

/** Locks the reservation row (after its levels) and answers its stored status and expiry. */
export function lockReservation(db: Db, id: string) {
  return db
    .selectFrom("reservations")
    .select(["status", "expires_at"])
    .where("id", "=", id)
    .forUpdate()
    .executeTakeFirst();
}

/** The reservation no longer holds anything: its allocations let go and its status is final. */
export async function finishReservation(
  db: Db,
  id: string,
  status: Exclude<ReservationStatus, "active">,
): Promise<void> {
  await db
    .updateTable("reservation_allocations")
    .set({ held: false })
    .where("reservation_id", "=", id)
    .where("held", "=", true)
    .execute();
  await db.updateTable("reservations").set({ status }).where("id", "=", id).execute();
}
