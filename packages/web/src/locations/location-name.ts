import type { Location } from "../api/api-schemas.ts";

/** The name of location `id`; an allocation keeps no id once its location was deleted. */
export function locationNameOf(locations: readonly Location[], id: number | null): string {
  if (id === null) return "a deleted location";
  return locations.find((location) => location.id === id)?.name ?? `location #${id}`;
}
