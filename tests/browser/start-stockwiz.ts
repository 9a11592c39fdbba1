import { mkdtempSync } from "node:fs";
import { rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { launch } from "../kit/process/launch.ts";
import { waitForHealth } from "../kit/process/wait-for-health.ts";

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
 * Runs `npm start` on a fresh data folder, as a developer would. Returns at once, so that a
 * caller whose wait times out can still stop what was started; `readyWithinMs` bounds the
 * wait (the first start also builds the page).
 */
export function startStockWiz(ports: StockWizPorts, readyWithinMs: number): RunningStockWiz {
  const dataDir = mkdtempSync(path.join(tmpdir(), "stockwiz-e2e-"));
  const stack = launch("npm", ["start"], {
    name: "npm start",
    inheritEnv: { unset: sharedStoreVariables },
    env: {
      GATEWAY_PORT: String(ports.gateway),
      PRODUCT_SERVICE_PORT: String(ports.productService),
      INVENTORY_SERVICE_PORT: String(ports.inventoryService),
      STOCKWIZ_DATA_DIR: dataDir,
    },
    // npm, tsx and node stop together.
    processGroup: true,
  });
  const baseUrl = `http://127.0.0.1:${ports.gateway}`;
  const ready = waitForHealth(stack, baseUrl, { intervalMs: 250, timeoutMs: readyWithinMs }).then(
    () => undefined,
  );
  // The caller awaits it; a stop before it settled is not a second failure to report.
  ready.catch(() => {});
  const stop = async () => {
    await stack.stop();
    await rm(dataDir, { recursive: true, force: true });
  };
  return { baseUrl, ready, stop };
}
