import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { createWriteStream } from "node:fs";

export interface LocalStackPorts {
  readonly gateway: number;
  readonly productService: number;
  readonly inventoryService: number;
}

export interface LocalStack {
  /** Resolves with the exit code (or signal) once the whole stack has stopped. */
  readonly exited: Promise<string>;
  hasExited(): boolean;
  stop(): Promise<string>;
}

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
}): LocalStack {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    GATEWAY_PORT: String(options.ports.gateway),
    ALB_PORT: String(options.ports.gateway),
    PRODUCT_SERVICE_PORT: String(options.ports.productService),
    INVENTORY_SERVICE_PORT: String(options.ports.inventoryService),
    STOCKWIZ_DATA_DIR: options.dataDir,
  };
  // Unset, so the stack uses its embedded stores rather than whatever the shell points at.
  for (const name of storeAndPortVariables) delete env[name];

  const log = createWriteStream(options.logFile);
  // Its own process group, so stopping it reaches npm, tsx and node alike.
  const child = spawn("npm", ["run", options.script ?? "start"], {
    env,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  let done = false;
  const exited = once(child, "exit").then(([code, signal]) => {
    done = true;
    log.end();
    return signal ? `signal ${signal}` : `exit code ${code}`;
  });
  return { exited, hasExited: () => done, stop: () => stopGroup(child, exited, () => done) };
}

const killAfterMs = 15_000;

async function stopGroup(child: ChildProcess, exited: Promise<string>, hasExited: () => boolean) {
  if (hasExited() || child.pid === undefined) return exited;
  process.kill(-child.pid, "SIGTERM");
  // A stack that ignores SIGTERM still has to go, or CI hangs on it.
  const timer = setTimeout(() => {
    if (!hasExited() && child.pid !== undefined) process.kill(-child.pid, "SIGKILL");
  }, killAfterMs);
  try {
    return await exited;
  } finally {
    clearTimeout(timer);
  }
}
