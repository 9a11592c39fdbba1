import {
  createLogger,
  createPeriodicTasksLambda,
  loadServiceConfig,
  type OpenStores,
  openStores,
  type PeriodicTasksLambda,
} from "@stockwiz/adapters";
import { createReservation } from "@stockwiz/core";
import { inventoryService } from "@stockwiz/inventory-service";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createScratchDatabase, type ScratchDatabase } from "../kit/stores/scratch-database.ts";

// Issue 17 in the serverless stages: in a quiet stretch no write runs the inventory service's
// periodic tasks on its Lambda target; the scheduled function's entry point runs them, opened
// from the same variables as the target, on the real PostgreSQL.

let database: ScratchDatabase;
let periodic: PeriodicTasksLambda;
let stores: OpenStores;

beforeAll(async () => {
  database = await createScratchDatabase("periodic");
  const env = { DATABASE_URL: database.url, LOG_LEVEL: "silent" };
  // Opened first: it migrates and seeds, as the inventory target would.
  periodic = await createPeriodicTasksLambda(inventoryService, env);
  const config = loadServiceConfig(inventoryService, env);
  stores = await openStores(config.stores, createLogger({ level: "silent", name: "arrange" }));
});

afterAll(async () => {
  await periodic?.close();
  await stores?.close();
  await database?.drop();
});

describe("the inventory service's scheduled function", () => {
  it("when a reservation lapsed with no write since then one run marks it expired and delivers the level's pending events", async () => {
    // Seeded: product 5, 100 units at Warehouse B. Held an hour ago for a minute, by a write
    // whose events were never delivered (as if its environment was dropped before delivery).
    const anHourAgo = new Date(Date.now() - 3_600_000);
    const reservation = await createReservation(
      { ...stores.deps, clock: () => anHourAgo },
      { items: [{ product_id: 5, quantity: 100 }], expires_in_seconds: 60 },
    );
    const { db } = stores.deps;
    const storedStatus = async () =>
      (
        await db
          .selectFrom("reservations")
          .select("status")
          .where("id", "=", reservation.id)
          .executeTakeFirstOrThrow()
      ).status;
    const eventsOfProductFive = () =>
      db
        .selectFrom("stock_events")
        .select(["kind", "sequence", "delivered_at"])
        .where("product_id", "=", 5)
        .orderBy("sequence")
        .execute();
    expect(await storedStatus()).toBe("active");
    expect(await eventsOfProductFive()).toEqual([{ kind: "out", sequence: 1, delivered_at: null }]);

    await periodic.handler();

    expect(await storedStatus()).toBe("expired");
    const events = await eventsOfProductFive();
    // The sweep let go of the 100 units: the level is restocked, and both events left the outbox.
    expect(events.map(({ kind, sequence }) => ({ kind, sequence }))).toEqual([
      { kind: "out", sequence: 1 },
      { kind: "restocked", sequence: 2 },
    ]);
    for (const event of events) expect(event.delivered_at).toBeInstanceOf(Date);
  });
});
