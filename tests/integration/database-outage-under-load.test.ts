import type { AddressInfo } from "node:net";
import { buildServiceApp, noSharedCache } from "@stockwiz/adapters";
import { productServiceRoutes } from "@stockwiz/core";
import type { FastifyInstance } from "fastify";
import pg from "pg";
import { Agent, request } from "undici";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createScratchDatabase,
  postgresAddress,
  type ScratchDatabase,
} from "../kit/stores/scratch-database.ts";
import { openPostgresStores, silentLogger } from "../kit/stores/test-stores.ts";
import { startTcpRelay, type TcpRelay } from "../kit/tcp-relay.ts";

let database: ScratchDatabase;
let proxy: TcpRelay;
let app: FastifyInstance;
let closeStores: () => Promise<void>;
let base: string;
// A client bound of its own: a request that hangs past it counts as an error, not a pass.
const client = new Agent({ headersTimeout: 15_000, bodyTimeout: 15_000 });

beforeAll(async () => {
  database = await createScratchDatabase();
  proxy = await startTcpRelay(postgresAddress);
  const stores = await openPostgresStores(database.urlThrough(proxy.port), noSharedCache);
  closeStores = stores.close;
  app = await buildServiceApp(productServiceRoutes, stores.deps, silentLogger);
  await app.listen({ host: "127.0.0.1", port: 0 });
  base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await app.close();
  await closeStores();
  await client.close();
  await proxy.close();
  await database.drop();
});

interface Outcome {
  index: number;
  status: number | "error";
  contentType?: string;
  createdId?: number;
}

async function send(index: number): Promise<Outcome> {
  const write = index % 4 === 0;
  try {
    const response = await request(`${base}/products${write ? "" : "/1"}`, {
      dispatcher: client,
      method: write ? "POST" : "GET",
      headers: write ? { "content-type": "application/json" } : {},
      body: write ? JSON.stringify({ name: `Load ${index}`, price: 1 }) : undefined,
    });
    const body = (await response.body.json()) as { id?: number };
    return {
      index,
      status: response.statusCode,
      contentType: String(response.headers["content-type"]),
      createdId: response.statusCode === 201 ? body.id : undefined,
    };
  } catch {
    return { index, status: "error" };
  }
}

describe("PostgreSQL lost and back under load", () => {
  it("when the database drops mid-load then the gap gets 503s, nothing hangs, it recovers and no acknowledged write is lost", async () => {
    const total = 400;
    const outcomes: Outcome[] = [];
    let next = 0;
    // Eight workers share the request budget; the outage starts and ends at fixed points in it.
    const worker = async () => {
      while (next < total) {
        const index = next++;
        // Both take effect at once: the next request already meets the new state.
        if (index === 120) void proxy.cut("drop");
        if (index === 240) void proxy.restore();
        outcomes.push(await send(index));
      }
    };
    await Promise.all(Array.from({ length: 8 }, worker));

    expect(outcomes.filter((o) => o.status === "error")).toEqual([]);
    const unexpected = outcomes.filter(
      (o) => o.status !== 200 && o.status !== 201 && o.status !== 503,
    );
    expect(unexpected).toEqual([]);
    const unavailable = outcomes.filter((o) => o.status === 503);
    expect(unavailable.length).toBeGreaterThan(0);
    expect(unavailable.every((o) => o.contentType?.includes("application/problem+json"))).toBe(
      true,
    );
    // After the restore plus a pool's worth of dead connections, every answer is a success again.
    const late = outcomes.filter((o) => o.index >= 280);
    expect(late.every((o) => o.status === 200 || o.status === 201)).toBe(true);

    const acknowledged = outcomes.flatMap((o) => (o.createdId === undefined ? [] : [o.createdId]));
    const direct = new pg.Client({ connectionString: database.url });
    await direct.connect();
    const stored = await direct.query<{ id: number }>(
      "SELECT id FROM products WHERE id = ANY($1)",
      [acknowledged],
    );
    await direct.end();
    expect(stored.rows.map((row) => row.id).sort((a, b) => a - b)).toEqual(
      [...acknowledged].sort((a, b) => a - b),
    );
  });
});
