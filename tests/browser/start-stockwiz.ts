import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync } from "node:fs";
import { rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { setTimeout as delay } from "node:timers/promises";
import { fileURLToPath } from "node:url";

const repoRoot = fileURLToPath(new URL("../..", import.meta.url));

// Unset so the stack runs on its embedded database and cache, with data of its own, and
// with writes open as on a developer's machine.
const sharedStoreVariables = [
  "DATABASE_URL",
  "DB_HOST",
  "DB_PORT",
  "DB_NAME",
  "DB_USER",
  "DB_PASSWORD",
  "REDIS_URL",
  "API_KEYS",
  "API_READ_ONLY_KEYS",
];

export interface StockWizPorts {
  gateway: number;
  productService: number;
  inventoryService: number;
}

export interface RunningStockWiz {
  baseUrl: string;
  /** Settles once the gateway's /health answers 200, or fails when the stack exits first. */
  ready: Promise<void>;
  /** Safe to call whether or not the stack became ready. */
  stop: () => Promise<void>;
}

/**
 * Runs `npm start` on a fresh data folder. Returns at once, so that a caller
 * whose wait times out can still stop what was started.
 */
export function startStockWiz(ports: StockWizPorts): RunningStockWiz {
  const dataDir = mkdtempSync(path.join(tmpdir(), "stockwiz-e2e-"));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    GATEWAY_PORT: String(ports.gateway),
    PRODUCT_SERVICE_PORT: String(ports.productService),
    INVENTORY_SERVICE_PORT: String(ports.inventoryService),
    STOCKWIZ_DATA_DIR: dataDir,
  };
  for (const name of sharedStoreVariables) delete env[name];
  // Its own process group, so that stopping it reaches npm, tsx and node alike.
  const child = spawn("npm", ["start"], {
    cwd: repoRoot,
    env,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const output: string[] = [];
  child.stdout?.on("data", (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => output.push(chunk.toString()));
  const baseUrl = `http://127.0.0.1:${ports.gateway}`;
  let stopping = false;
  const ready = waitForHealth(baseUrl, child, () => stopping).catch((error: Error) => {
    throw new Error(`StockWiz did not start: ${error.message}\n${output.join("").slice(-4000)}`);
  });
  const stop = async () => {
    stopping = true;
    await stopGroup(child);
    await rm(dataDir, { recursive: true, force: true });
  };
  return { baseUrl, ready, stop };
}

async function waitForHealth(
  baseUrl: string,
  child: ChildProcess,
  stopping: () => boolean,
): Promise<void> {
  // Bounded by vitest's hook timeout; the first start also builds the page.
  for (;;) {
    if (child.exitCode !== null) throw new Error(`npm start exited with code ${child.exitCode}`);
    if (stopping()) throw new Error("stopped before it was ready");
    const status = await fetch(`${baseUrl}/health`).then(
      (response) => response.status,
      () => 0,
    );
    if (status === 200) return;
    await delay(250);
  }
}

async function stopGroup(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  const exited = once(child, "exit");
  process.kill(-child.pid, "SIGTERM");
  await exited;
}
