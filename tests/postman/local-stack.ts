import { type LaunchedProcess, launch } from "../kit/process/launch.ts";

export interface LocalStackPorts {
  readonly gateway: number;
  readonly productService: number;
  readonly inventoryService: number;
}

// Unset, so the stack uses its embedded stores rather than whatever the shell points at.
const storeAndPortVariables = [
  "DATABASE_URL",
  "DB_HOST",
  "DB_PORT",
  "DB_NAME",
  "DB_USER",
  "DB_PASSWORD",
  "REDIS_URL",
  "PORT",
];

/**
 * Runs `npm start` (all three services in one process, embedded PGlite and
 * in-process cache), or `npm run start:lambda` (the three bundled Lambda
 * functions behind the local ALB, whose listener takes the gateway's port), on
 * the given ports and data folder, its output in logFile.
 */
export function startLocalStack(options: {
  readonly ports: LocalStackPorts;
  readonly dataDir: string;
  readonly logFile: string;
  readonly script?: "start" | "start:lambda";
}): LaunchedProcess {
  const script = options.script ?? "start";
  return launch("npm", ["run", script], {
    name: `npm run ${script}`,
    inheritEnv: { unset: storeAndPortVariables },
    env: {
      GATEWAY_PORT: String(options.ports.gateway),
      ALB_PORT: String(options.ports.gateway),
      PRODUCT_SERVICE_PORT: String(options.ports.productService),
      INVENTORY_SERVICE_PORT: String(options.ports.inventoryService),
      STOCKWIZ_DATA_DIR: options.dataDir,
    },
    // npm, tsx and node stop together.
    processGroup: true,
    logFile: options.logFile,
    // A stack that ignores SIGTERM still has to go, or CI hangs on it.
    killAfterMs: 15_000,
  });
}
