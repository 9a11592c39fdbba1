import { keysStaledByLevelWrite } from "../cache/cache-invalidation.ts";
import { withTransaction } from "../db/with-transaction.ts";
import type { ServiceDeps } from "../deps.ts";
import { AppError, conflict, type FieldError, notFound } from "../errors/app-error.ts";
import type { ChangeContext } from "../inventory/inventory-handlers.ts";
import {
  changeOnHand,
  changeRecordQuantity,
  changeReserved,
  type LockedLevel,
  lockLevels,
  selectLevelsOfProducts,
} from "../levels/level-queries.ts";
import { allocateItems } from "./allocate-items.ts";
import { insertReservation } from "./insert-reservation.ts";
import {
  finishReservation,
  lockReservation,
  selectHeldAllocations,
  selectReservations,
} from "./reservation-queries.ts";
import type { CreateReservation, Reservation, ReservationFilter } from "./reservation-schemas.ts";

const reservationNotFound = () => notFound("Reservation not found");

export const listReservations = ({ db, clock }: ServiceDeps, filter: ReservationFilter) =>
  selectReservations(db, filter, clock());

export async function getReservation({ db, clock }: ServiceDeps, id: string): Promise<Reservation> {
  const [reservation] = await selectReservations(db, { id }, clock());
  if (reservation === undefined) throw reservationNotFound();
  return reservation;
}

const insufficientFor = (short: FieldError[]) =>
  new AppError("conflict", "Not enough available stock for every item", {
    code: "insufficient_stock",
    errors: short,
  });

/**
 * Holds units of every item or of none. The levels of all its products are locked in ascending
 * id before any is read, so two reservations over the same products in any order queue rather
 * than deadlock, and none sees units another has just taken. A reservation the last committed
 * levels cannot satisfy is refused without queueing for the locks: it was short at that instant.
 */
export async function createReservation(
  deps: ServiceDeps,
  input: CreateReservation,
): Promise<Reservation> {
  const productIds = input.items.map((item) => item.product_id);
  const committed = await selectLevelsOfProducts(deps.db, productIds, deps.clock());
  const precheck = allocateItems(input.items, committed);
  if (precheck.short.length > 0) throw insufficientFor(precheck.short);
  return withTransaction(deps, async ({ db, cache, clock }) => {
    const now = clock();
    const levels = await lockLevels(db, { productIds }, now);
    const { allocations, short } = allocateItems(input.items, levels);
    if (short.length > 0) throw insufficientFor(short);
    const reservation = await insertReservation(db, {
      reference: input.reference ?? null,
      expiresAt: new Date(now.getTime() + input.expires_in_seconds * 1000),
      createdAt: now,
      allocations,
    });
    await cache.invalidate(keysStaledByLevelWrite(allocations.map(({ level }) => level)));
    return reservation;
  });
}

type Outcome = "committed" | "released";

/**
 * Commit (the held units leave: on_hand and reserved fall) or release (they are available
 * again). Locks: the reservation's levels in ascending id, then the reservation row.
 */
async function finish(
  deps: ServiceDeps,
  id: string,
  outcome: Outcome,
  context: ChangeContext,
): Promise<Reservation> {
  return withTransaction(deps, async (tx) => {
    const { db, cache, clock } = tx;
    const now = clock();
    const held = await selectHeldAllocations(db, id);
    const levelIds = [...new Set(held.flatMap(({ level_id }) => level_id ?? []))];
    const levels = await lockLevels(db, { levelIds }, now);
    const stored = await lockReservation(db, id);
    if (stored === undefined) throw reservationNotFound();
    const lapsed = stored.status === "active" && new Date(stored.expires_at) <= now;
    if (outcome === "released" && stored.status === "released") return getReservation(tx, id);
    if (lapsed || stored.status === "expired") {
      throw conflict(
        "The reservation expired; its units are available again",
        "reservation_expired",
      );
    }
    if (stored.status !== "active") {
      throw conflict(`The reservation is ${stored.status}`, "reservation_not_active");
    }
    const byId = new Map(levels.map((level) => [level.id, level]));
    const touched: LockedLevel[] = [];
    for (const allocation of held) {
      const level = allocation.level_id === null ? undefined : byId.get(allocation.level_id);
      if (level === undefined) continue; // its stock row was deleted: nothing left to hold
      touched.push(level);
      if (outcome === "released") {
        await changeReserved(db, level.id, -allocation.quantity, now);
        continue;
      }
      const units = allocation.quantity;
      await changeOnHand(
        db,
        level,
        {
          delta: -units,
          releasing: units,
          kind: "commit",
          reason: `reservation ${id}`,
          ...context,
        },
        now,
      );
    }
    if (outcome === "committed") await lowerRecordQuantities(db, touched, held, now);
    await finishReservation(db, id, outcome);
    await cache.invalidate(keysStaledByLevelWrite(touched));
    return getReservation(tx, id);
  });
}

/** The stock records follow their levels, in ascending id like every other lock. */
async function lowerRecordQuantities(
  db: ServiceDeps["db"],
  levels: readonly LockedLevel[],
  held: readonly { level_id: number | null; quantity: number }[],
  now: Date,
): Promise<void> {
  const units = new Map<number, number>();
  for (const allocation of held) {
    const level = levels.find((candidate) => candidate.id === allocation.level_id);
    if (level === undefined) continue;
    units.set(level.inventory_id, (units.get(level.inventory_id) ?? 0) + allocation.quantity);
  }
  for (const [inventoryId, quantity] of [...units].sort(([a], [b]) => a - b)) {
    await changeRecordQuantity(db, inventoryId, -quantity, now);
  }
}

export const commitReservation = (deps: ServiceDeps, id: string, context: ChangeContext) =>
  finish(deps, id, "committed", context);

export const releaseReservation = (deps: ServiceDeps, id: string, context: ChangeContext) =>
  finish(deps, id, "released", context);
