import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { request } from "undici";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePorts } from "../support/free-ports.ts";
import { pollUntil } from "../support/poll-until.ts";

const root = path.resolve(import.meta.dirname, "../..");
const writeKey = "all-in-one-write-key-0123";

let stack: ChildProcess;
let dataDir: string;
let gateway: string;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), "stockwiz-all-in-one-"));
  const [gatewayPort, productPort, inventoryPort] = await freePorts(3);
  gateway = `http://127.0.0.1:${gatewayPort}`;
  // What `npm start` runs, with no DATABASE_URL or REDIS_URL: the embedded default.
  stack = spawn(process.execPath, ["--import", "tsx", "packages/all-in-one/src/main.ts"], {
    cwd: root,
    env: {
      PATH: process.env.PATH,
      STOCKWIZ_DATA_DIR: dataDir,
      GATEWAY_PORT: String(gatewayPort),
      PRODUCT_SERVICE_PORT: String(productPort),
      INVENTORY_SERVICE_PORT: String(inventoryPort),
      API_KEYS: writeKey,
      LOG_LEVEL: "warn",
    },
    stdio: ["ignore", "inherit", "inherit"],
  });
  await pollUntil(
    "a healthy all-in-one stack",
    () =>
      request(`${gateway}/health`)
        .then(
          async (response) =>
            ((await response.body.json()) as { status?: string }).status === "healthy",
        )
        .catch(() => false),
    { attempts: 600, intervalMs: 100 },
  );
});
afterAll(async () => {
  if (stack.exitCode === null) {
    const exited = once(stack, "exit");
    stack.kill("SIGTERM");
    await exited;
  }
  await rm(dataDir, { recursive: true, force: true });
});

const post = (authorization?: string) =>
  request(`${gateway}/api/products`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(authorization ? { authorization } : {}) },
    body: JSON.stringify({ name: "All in one", price: 2 }),
  });

describe("npm start on the embedded default", () => {
  it("when started with nothing configured then the seed catalogue is served through the gateway", async () => {
    const catalogue = (await (await request(`${gateway}/api/products-full`)).body.json()) as {
      name: string;
    }[];
    expect(catalogue.slice(0, 5).map((product) => product.name)).toEqual([
      "Laptop Dell XPS 13",
      "Mouse Logitech MX Master",
      "Teclado Mecánico",
      "Monitor 4K",
      "Webcam HD",
    ]);
  });

  it("when API_KEYS is set then writes through the gateway need a key", async () => {
    const refused = await post();
    await refused.body.dump();
    expect(refused.statusCode).toBe(401);
    const accepted = await post(`Bearer ${writeKey}`);
    await accepted.body.dump();
    expect(accepted.statusCode).toBe(201);
  });

  it("when SIGTERM arrives then every service drains and the process exits 0", async () => {
    const exited = once(stack, "exit");
    stack.kill("SIGTERM");
    const [code] = await exited;
    expect(code).toBe(0);
  });
});
