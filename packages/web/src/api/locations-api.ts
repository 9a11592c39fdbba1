import { answerOf } from "./api-answer.ts";
import type { Location } from "./api-schemas.ts";
import { idPath } from "./id-path.ts";
import { stockwizClient as api } from "./stockwiz-client.ts";

/** The places that hold stock, ordered by id. */
export function listLocations(): Promise<Location[]> {
  return answerOf(api.GET("/api/inventory/locations"));
}

export function createLocation(name: string, idempotencyKey: string): Promise<Location> {
  const params = { header: { "Idempotency-Key": idempotencyKey } };
  return answerOf(api.POST("/api/inventory/locations", { params, body: { name } }));
}

export function renameLocation(id: number, name: string): Promise<Location> {
  return answerOf(api.PUT("/api/inventory/locations/{id}", { params: idPath(id), body: { name } }));
}

/** Refused (409) while the location holds units or reservations. */
export function deleteLocation(id: number): Promise<void> {
  return answerOf(api.DELETE("/api/inventory/locations/{id}", { params: idPath(id) }));
}
