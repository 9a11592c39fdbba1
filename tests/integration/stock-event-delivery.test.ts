import { createMemoryCache, type OpenStores } from "@stockwiz/adapters";
import {
  adjustLevel,
  createProduct,
  type Database,
  deliverStockEvents,
  type ServiceDeps,
  type StockEvent,
  type StockEventSink,
} from "@stockwiz/core";
import { Kysely, PostgresDialect, sql } from "kysely";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pollUntil } from "../kit/poll-until.ts";
import {
  createScratchDatabase,
  type ScratchDatabase,
  withPostgres,
} from "../kit/stores/scratch-database.ts";
import { openPostgresStores } from "../kit/stores/test-stores.ts";

// Issue 17 on the real PostgreSQL: delivery is at-least-once across a crash between the commit
// of a level change and the marking of its event, and in sequence per level with several
// deliverers at once (several ECS tasks).

let database: ScratchDatabase;
let stores: OpenStores;
let deps: ServiceDeps;

beforeAll(async () => {
  database = await createScratchDatabase("events");
  stores = await openPostgresStores(database.url, createMemoryCache());
  deps = stores.deps;
});
afterAll(async () => {
  await stores.close();
  await database.drop();
});

/** A product whose level at location 1 goes through the given deltas (threshold 10). */
async function levelThrough(deltas: number[]): Promise<number> {
  const product = await createProduct(deps, { name: "Delivery item", price: 1 });
  for (const delta of deltas) {
    await adjustLevel(deps, { product_id: product.id, location_id: 1, delta }, { requestId: null });
  }
  return product.id;
}

const undelivered = async (productId: number) =>
  (
    await deps.db
      .selectFrom("stock_events")
      .select("id")
      .where("product_id", "=", productId)
      .where("delivered_at", "is", null)
      .execute()
  ).length;

const sequencesOf = (events: StockEvent[], productId: number) =>
  events.filter((event) => event.product_id === productId).map((event) => event.sequence);

describe("stock event delivery on PostgreSQL", () => {
  it("when the deliverer dies after the sink accepted but before marking then the next deliverer sends the same events again", async () => {
    // out → restocked (20) → low (5) → out (0)
    const productId = await levelThrough([20, -15, -5]);
    // The deliverer that dies: its own one connection, which the sink kills mid-transaction.
    const pool = new pg.Pool({ connectionString: database.url, max: 1 });
    // The killed connection reports its death here too; that death is the point.
    pool.on("connect", (client) => client.on("error", () => {}));
    const doomed = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    const { rows } = await sql<{ pid: number }>`SELECT pg_backend_pid() AS pid`.execute(doomed);
    const pid = rows[0]?.pid;
    const beforeCrash: StockEvent[] = [];
    const acceptThenDie: StockEventSink = {
      send: async (event) => {
        beforeCrash.push(event);
        await withPostgres((admin) => admin.query("SELECT pg_terminate_backend($1)", [pid]));
      },
    };

    await expect(deliverStockEvents({ ...deps, db: doomed }, acceptThenDie)).rejects.toThrow();
    await doomed.destroy();
    await pollUntil("the killed deliverer's session to be gone", async () => {
      const alive = await sql`SELECT 1 FROM pg_stat_activity WHERE pid = ${pid}`.execute(deps.db);
      return alive.rows.length === 0;
    });
    expect(beforeCrash).toHaveLength(1);
    expect(await undelivered(productId)).toBe(3);

    const afterCrash: StockEvent[] = [];
    const sink: StockEventSink = { send: async (event) => void afterCrash.push(event) };
    while ((await deliverStockEvents(deps, sink)) > 0) {}

    expect(sequencesOf(afterCrash, productId)).toEqual([1, 2, 3]);
    expect(afterCrash.find((event) => event.product_id === productId)).toEqual(beforeCrash[0]);
    expect(await undelivered(productId)).toBe(0);
  });

  it("when three deliverers run at once then every event is sent once and each level's in sequence", async () => {
    const productIds = await Promise.all([
      levelThrough([20, -15, -5, 3, 30, -33]),
      levelThrough([15, -10, 20, -25, 11]),
      levelThrough([4, 40, -44, 12, -12]),
    ]);
    const sent: StockEvent[] = [];
    // Each send yields, so the deliverers' transactions interleave.
    const sink: StockEventSink = {
      send: async (event) => {
        await new Promise(setImmediate);
        sent.push(event);
      },
    };
    const deliverer = async () => {
      while ((await deliverStockEvents(deps, sink, { levels: 1 })) > 0) {}
    };

    await Promise.all([deliverer(), deliverer(), deliverer()]);
    await deliverer();

    for (const productId of productIds) {
      const expected = await deps.db
        .selectFrom("stock_events")
        .select("sequence")
        .where("product_id", "=", productId)
        .orderBy("sequence")
        .execute();
      expect(expected.length).toBeGreaterThan(3);
      expect(sequencesOf(sent, productId)).toEqual(expected.map(({ sequence }) => sequence));
      expect(await undelivered(productId)).toBe(0);
    }
  });
});
