import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import path from "node:path";
import { openDatabase } from "@stockwiz/adapters";
import { request } from "undici";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePorts } from "../support/free-ports.ts";
import { pollUntil } from "../support/poll-until.ts";
import { startTcpProxy, type TcpProxy } from "../support/tcp-proxy.ts";
import { createTestDatabase, type TestDatabase } from "../support/test-database.ts";
import { silentLogger } from "../support/test-stores.ts";

const root = path.resolve(import.meta.dirname, "../..");

let database: TestDatabase;
let slowDatabase: TcpProxy;
let service: ChildProcess;
let base: string;

beforeAll(async () => {
  database = await createTestDatabase();
  // Migrate at full speed first; through the slow relay below, start-up would take long.
  await (
    await openDatabase(
      { kind: "postgres", connectionString: database.url, poolMax: 1 },
      silentLogger,
    )
  ).destroy();
  // Every answer from PostgreSQL arrives 300 ms late, so requests are surely in flight at SIGTERM.
  slowDatabase = await startTcpProxy(5432, { delayMs: 300 });
  const [port] = await freePorts(1);
  base = `http://127.0.0.1:${port}`;
  service = spawn(process.execPath, ["--import", "tsx", "packages/product-service/src/server.ts"], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: database.urlThrough(slowDatabase.port),
      PORT: String(port),
      HOST: "127.0.0.1",
      LOG_LEVEL: "warn",
      REDIS_URL: "",
    },
    stdio: ["ignore", "inherit", "inherit"],
  });
  await pollUntil(
    "the service's /health",
    async () => {
      try {
        const response = await request(`${base}/health`);
        await response.body.dump();
        return response.statusCode === 200;
      } catch {
        return false;
      }
    },
    { attempts: 600 },
  );
});
afterAll(async () => {
  if (service.exitCode === null) service.kill("SIGKILL");
  await slowDatabase.close();
  await database.drop();
});

describe("SIGTERM while requests are in flight", () => {
  it("when SIGTERM arrives then in-flight requests finish, new ones are refused, and the process exits 0", async () => {
    const get = () =>
      request(`${base}/products/1`).then(async (response) => ({
        status: response.statusCode,
        body: await response.body.json(),
      }));
    // Warm the pool first, so each request below sends exactly one query on an open connection.
    await Promise.all(Array.from({ length: 8 }, get));
    const queriesBefore = slowDatabase.chunksToTarget;
    const inFlight = Array.from({ length: 8 }, get);
    // Every request has reached its handler once its query has reached the database.
    await pollUntil(
      "every query at the database",
      () => slowDatabase.chunksToTarget >= queriesBefore + 8,
      {
        attempts: 2_400,
        intervalMs: 25,
      },
    );

    const exited = once(service, "exit");
    service.kill("SIGTERM");
    const answers = await Promise.all(inFlight);
    expect(answers.map((answer) => answer.status)).toEqual(Array(8).fill(200));
    expect(answers[0]?.body).toMatchObject({ id: 1, name: "Laptop Dell XPS 13" });

    const [code] = await exited;
    expect(code).toBe(0);
    await expect(request(`${base}/health`)).rejects.toThrow();
  });
});
