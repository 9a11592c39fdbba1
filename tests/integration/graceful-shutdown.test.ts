import { openDatabase } from "@stockwiz/adapters";
import { request } from "undici";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePorts } from "../kit/free-ports.ts";
import { pollUntil } from "../kit/poll-until.ts";
import { type LaunchedProcess, launchNode } from "../kit/process/launch.ts";
import { waitForHealth } from "../kit/process/wait-for-health.ts";
import {
  createScratchDatabase,
  postgresAddress,
  type ScratchDatabase,
} from "../kit/stores/scratch-database.ts";
import { silentLogger } from "../kit/stores/test-stores.ts";
import { startTcpRelay, type TcpRelay } from "../kit/tcp-relay.ts";

let database: ScratchDatabase;
let slowDatabase: TcpRelay;
let service: LaunchedProcess;
let base: string;

beforeAll(async () => {
  database = await createScratchDatabase();
  // Migrate at full speed first; through the slow relay below, start-up would take long.
  await (
    await openDatabase(
      { kind: "postgres", connectionString: database.url, poolMax: 1 },
      silentLogger,
    )
  ).destroy();
  // Every answer from PostgreSQL arrives 300 ms late, so requests are surely in flight at SIGTERM.
  slowDatabase = await startTcpRelay(postgresAddress, { delayMs: 300 });
  const [port] = await freePorts(1);
  base = `http://127.0.0.1:${port}`;
  service = launchNode("packages/product-service/src/server.ts", {
    name: "product-service",
    env: {
      DATABASE_URL: database.urlThrough(slowDatabase.port),
      PORT: String(port),
      HOST: "127.0.0.1",
      LOG_LEVEL: "warn",
      REDIS_URL: "",
    },
  });
  await waitForHealth(service, base);
});
afterAll(async () => {
  await service?.stop();
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
    const queriesBefore = slowDatabase.chunksToTarget();
    const inFlight = Array.from({ length: 8 }, get);
    // Every request has reached its handler once its query has reached the database.
    await pollUntil(
      "every query at the database",
      () => slowDatabase.chunksToTarget() >= queriesBefore + 8,
      {
        attempts: 2_400,
        intervalMs: 25,
      },
    );

    const exited = service.stop();
    const answers = await Promise.all(inFlight);
    expect(answers.map((answer) => answer.status)).toEqual(Array(8).fill(200));
    expect(answers[0]?.body).toMatchObject({ id: 1, name: "Laptop Dell XPS 13" });

    const { code } = await exited;
    expect(code).toBe(0);
    await expect(request(`${base}/health`)).rejects.toThrow();
  });
});
