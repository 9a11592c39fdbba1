import {
  buildServiceApp,
  DatabaseStartError,
  noSharedCache,
  openDatabase,
} from "@stockwiz/adapters";
import { productServiceRoutes } from "@stockwiz/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createScratchDatabase,
  postgresAddress,
  type ScratchDatabase,
} from "../kit/stores/scratch-database.ts";
import { openPostgresStores, silentLogger } from "../kit/stores/test-stores.ts";
import { startTcpRelay, type TcpRelay } from "../kit/tcp-relay.ts";

describe("database at start", () => {
  it("when the configured database cannot be reached then a clear error names it, password masked", async () => {
    const proxy = await startTcpRelay(postgresAddress);
    await proxy.cut("drop");
    const target = {
      kind: "postgres" as const,
      connectionString: `postgres://admin:hunter2@127.0.0.1:${proxy.port}/x`,
      poolMax: 1,
    };
    const error = await openDatabase(target, silentLogger).catch((e: unknown) => e);
    await proxy.close();
    expect(error).toBeInstanceOf(DatabaseStartError);
    expect((error as Error).message).toContain(`127.0.0.1:${proxy.port}/x`);
    expect((error as Error).message).not.toContain("hunter2");
  });
});

describe("database lost while serving", () => {
  let database: ScratchDatabase;
  let proxy: TcpRelay;
  let app: Awaited<ReturnType<typeof buildServiceApp>>;
  let close: () => Promise<void>;

  beforeAll(async () => {
    database = await createScratchDatabase();
    proxy = await startTcpRelay(postgresAddress);
    // No cache: every read must reach the database, so the outage is visible.
    const stores = await openPostgresStores(database.urlThrough(proxy.port), noSharedCache);
    close = stores.close;
    app = await buildServiceApp(productServiceRoutes, stores.deps, silentLogger);
  });
  afterAll(async () => {
    await app.close();
    await close();
    await proxy.close();
    await database.drop();
  });

  it("when the database goes away then reads get 503 problem details, and recover when it is back", async () => {
    expect((await app.inject("/products/1")).statusCode).toBe(200);

    await proxy.cut("drop");
    const during = await app.inject("/products/1");
    expect(during.statusCode).toBe(503);
    expect(during.headers["content-type"]).toContain("application/problem+json");
    expect(during.json()).toMatchObject({ status: 503, code: "database_unavailable" });

    await proxy.restore();
    // The pool may still hold a connection that died in the cut; it is replaced on first use.
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const status = (await app.inject("/products/1")).statusCode;
      statuses.push(status);
      if (status === 200) break;
    }
    expect(statuses.at(-1)).toBe(200);
    expect(statuses.every((status) => status === 200 || status === 503)).toBe(true);
  });
});
