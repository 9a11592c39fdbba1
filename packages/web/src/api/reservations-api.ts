import { answerOf } from "./api-answer.ts";
import type { NewReservation, Reservation } from "./api-schemas.ts";
import { stockwizClient as api } from "./stockwiz-client.ts";

/** Reservations still holding units, newest first. */
export function listActiveReservations(): Promise<Reservation[]> {
  return answerOf(
    api.GET("/api/inventory/reservations", { params: { query: { status: "active" } } }),
  );
}

/** Holds units of every item or of none (409 names the items that are short). */
export function createReservation(
  reservation: NewReservation,
  idempotencyKey: string,
): Promise<Reservation> {
  const params = { header: { "Idempotency-Key": idempotencyKey } };
  return answerOf(api.POST("/api/inventory/reservations", { params, body: reservation }));
}

/** The held units leave stock. */
export function commitReservation(id: string, idempotencyKey: string): Promise<Reservation> {
  const params = { path: { id }, header: { "Idempotency-Key": idempotencyKey } };
  return answerOf(api.POST("/api/inventory/reservations/{id}/commit", { params }));
}

/** The held units are available again. */
export function releaseReservation(id: string, idempotencyKey: string): Promise<Reservation> {
  const params = { path: { id }, header: { "Idempotency-Key": idempotencyKey } };
  return answerOf(api.POST("/api/inventory/reservations/{id}/release", { params }));
}
