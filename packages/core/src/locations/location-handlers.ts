import { sql } from "kysely";
import { keysStaledByLevelWrite } from "../cache/cache-invalidation.ts";
import { isUniqueViolation } from "../db/postgres-errors.ts";
import { withTransaction } from "../db/with-transaction.ts";
import type { ServiceDeps } from "../deps.ts";
import { conflict, notFound } from "../errors/app-error.ts";
import { lockLevels } from "../levels/level-queries.ts";
import {
  deleteLocationRow,
  insertLocation,
  lockLocation,
  renameLocation,
  selectLocations,
} from "./location-queries.ts";
import type { Location, LocationInput } from "./location-schemas.ts";

const locationNotFound = () => notFound("Location not found");
const nameTaken = (name: string) =>
  conflict(`A location is already named ${name}`, "location_exists");

export const listLocations = ({ db }: ServiceDeps): Promise<Location[]> => selectLocations(db);

export async function createLocation(deps: ServiceDeps, input: LocationInput): Promise<Location> {
  try {
    return await withTransaction(deps, async ({ db, cache, clock }) => {
      const location = await insertLocation(db, input.name, clock());
      // No cached key holds locations, but every invalidation, even of no key, makes stale the
      // copies that name none: the gateway's copy of the locations list among them (§7).
      await cache.invalidate([]);
      return location;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken(input.name);
    throw error;
  }
}

/** Renames a location; the stock rows whose warehouse it is show the new name. */
export async function updateLocation(
  deps: ServiceDeps,
  id: number,
  input: LocationInput,
): Promise<Location> {
  try {
    return await withTransaction(deps, async ({ db, cache, clock }) => {
      const now = clock();
      const before = await lockLocation(db, id);
      if (before === undefined) throw locationNotFound();
      const location = await renameLocation(db, id, input.name, now);
      if (location === undefined) throw locationNotFound();
      const rows = await db
        .updateTable("inventory")
        // The row's content changed: a client holding its old ETag must read it again.
        .set({ warehouse: input.name, last_updated: now, version: sql`version + 1` })
        .where("warehouse", "=", before.name)
        .where("id", "in", (qb) =>
          qb.selectFrom("stock_levels").select("inventory_id").where("location_id", "=", id),
        )
        .returning(["id as inventory_id", "product_id"])
        .execute();
      await cache.invalidate(keysStaledByLevelWrite(rows));
      return location;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken(input.name);
    throw error;
  }
}

/** Deletes a location that holds nothing: its empty levels go with it, the ledger keeps its entries. */
export async function deleteLocation(deps: ServiceDeps, id: number): Promise<void> {
  await withTransaction(deps, async ({ db, cache, clock }) => {
    const now = clock();
    if ((await lockLocation(db, id)) === undefined) throw locationNotFound();
    const levels = await lockLevels(db, { locationId: id }, now);
    if (levels.some((level) => level.on_hand > 0 || level.reserved > 0)) {
      throw conflict("The location holds units or reservations", "location_in_use");
    }
    if (levels.length > 0) {
      await db
        .deleteFrom("stock_levels")
        .where(
          "id",
          "in",
          levels.map((level) => level.id),
        )
        .execute();
    }
    await deleteLocationRow(db, id);
    await cache.invalidate(keysStaledByLevelWrite(levels));
  });
}
