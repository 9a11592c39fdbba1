import type { Db, LocationRow } from "../db/database.ts";
import type { Location } from "./location-schemas.ts";

const toLocation = (row: LocationRow): Location => ({
  id: row.id,
  name: row.name,
  created_at: new Date(row.created_at).toISOString(),
  updated_at: new Date(row.updated_at).toISOString(),
});

export async function selectLocations(db: Db): Promise<Location[]> {
  return (await db.selectFrom("locations").selectAll().orderBy("id").execute()).map(toLocation);
}

export async function selectLocation(db: Db, id: number): Promise<Location | undefined> {
  const row = await db.selectFrom("locations").selectAll().where("id", "=", id).executeTakeFirst();
  return row && toLocation(row);
}

/** Locks the location against a concurrent rename or delete for the rest of the transaction. */
export async function lockLocation(db: Db, id: number): Promise<Location | undefined> {
  const row = await db
    .selectFrom("locations")
    .selectAll()
    .where("id", "=", id)
    .forUpdate()
    .executeTakeFirst();
  return row && toLocation(row);
}

export async function insertLocation(db: Db, name: string, now: Date): Promise<Location> {
  const row = await db
    .insertInto("locations")
    .values({ name, created_at: now, updated_at: now })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toLocation(row);
}

/**
 * The location with this name, created when missing (a legacy write names its warehouse).
 * Two statements: a concurrent creator's row is visible to the second one once it commits.
 */
export async function findOrCreateLocation(db: Db, name: string, now: Date): Promise<Location> {
  await db
    .insertInto("locations")
    .values({ name, created_at: now, updated_at: now })
    .onConflict((oc) => oc.column("name").doNothing())
    .execute();
  const row = await db
    .selectFrom("locations")
    .selectAll()
    .where("name", "=", name)
    .executeTakeFirstOrThrow();
  return toLocation(row);
}

export async function renameLocation(
  db: Db,
  id: number,
  name: string,
  now: Date,
): Promise<Location | undefined> {
  const row = await db
    .updateTable("locations")
    .set({ name, updated_at: now })
    .where("id", "=", id)
    .returningAll()
    .executeTakeFirst();
  return row && toLocation(row);
}

export async function deleteLocationRow(db: Db, id: number): Promise<void> {
  await db.deleteFrom("locations").where("id", "=", id).execute();
}
