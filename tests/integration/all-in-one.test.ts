import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { request } from "undici";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePorts } from "../kit/free-ports.ts";
import { type LaunchedProcess, launchNode } from "../kit/process/launch.ts";
import { saysHealthy, waitForHealth } from "../kit/process/wait-for-health.ts";

const writeKey = "all-in-one-write-key-0123";

let stack: LaunchedProcess;
let dataDir: string;
let gateway: string;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), "stockwiz-all-in-one-"));
  const [gatewayPort, productPort, inventoryPort] = await freePorts(3);
  gateway = `http://127.0.0.1:${gatewayPort}`;
  // What `npm start` runs, with no DATABASE_URL or REDIS_URL: the embedded default.
  stack = launchNode("packages/all-in-one/src/main.ts", {
    name: "all-in-one",
    env: {
      STOCKWIZ_DATA_DIR: dataDir,
      GATEWAY_PORT: String(gatewayPort),
      PRODUCT_SERVICE_PORT: String(productPort),
      INVENTORY_SERVICE_PORT: String(inventoryPort),
      API_KEYS: writeKey,
      LOG_LEVEL: "warn",
    },
  });
  await waitForHealth(stack, gateway, { ready: saysHealthy });
});
afterAll(async () => {
  await stack?.stop();
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
    const { code } = await stack.stop();
    expect(code).toBe(0);
  });
});
