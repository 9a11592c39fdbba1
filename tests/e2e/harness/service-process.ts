import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";

export type ServiceName = "api-gateway" | "product-service" | "inventory-service";

const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));

const entryPoints: Record<ServiceName, string> = {
  "api-gateway": "packages/api-gateway/src/server.ts",
  "product-service": "packages/product-service/src/server.ts",
  "inventory-service": "packages/inventory-service/src/server.ts",
};

export interface ProcessExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface ServiceProcess {
  readonly name: ServiceName;
  /** `http://127.0.0.1:<port>`, no trailing slash. */
  readonly url: string;
  readonly exited: Promise<ProcessExit>;
  hasExited(): boolean;
  stdout(): string;
  stderr(): string;
  /** SIGTERM, then the exit; SIGKILL only if the process outlives the grace bound. */
  stop(): Promise<ProcessExit>;
}

/** Longer than the services' own 10 s drain, so a SIGKILL means they ignored SIGTERM. */
const killAfterMs = 20_000;

/** A node process the suite started, its output kept. */
export type NodeProcess = Omit<ServiceProcess, "name" | "url">;

/**
 * Runs one entry point as its own process, `node --import tsx <entry>`, configured by the
 * environment only. Nothing from the test runner's environment leaks in.
 */
export function spawnNodeProcess(entry: string, env: Record<string, string>): NodeProcess {
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", entry], {
    cwd: repoRoot,
    env: {
      PATH: process.env.PATH ?? "/usr/bin:/bin",
      HOME: process.env.HOME ?? "/tmp",
      HOST: "127.0.0.1",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  let err = "";
  child.stdout?.setEncoding("utf8").on("data", (chunk: string) => {
    out += chunk;
  });
  child.stderr?.setEncoding("utf8").on("data", (chunk: string) => {
    err += chunk;
  });
  let done = false;
  // 'close' rather than 'exit': by then stdout and stderr have been read to the end.
  const exited = once(child, "close").then(([code, signal]) => {
    done = true;
    return { code, signal } as ProcessExit;
  });

  return {
    exited,
    hasExited: () => done,
    stdout: () => out,
    stderr: () => err,
    async stop() {
      if (done) return exited;
      child.kill("SIGTERM");
      const timer = setTimeout(() => {
        if (!done) child.kill("SIGKILL");
      }, killAfterMs);
      try {
        return await exited;
      } finally {
        clearTimeout(timer);
      }
    },
  };
}

/** Runs one service as its own process, as its container does. */
export function spawnService(
  name: ServiceName,
  port: number,
  env: Record<string, string>,
): ServiceProcess {
  const started = spawnNodeProcess(entryPoints[name], { PORT: String(port), ...env });
  return { name, url: `http://127.0.0.1:${port}`, ...started };
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Polls `GET /health` until it answers 200, a bounded number of times. Fails at once if the
 * process died, with what it wrote, so a broken start says why.
 */
export async function waitForHealth(
  service: ServiceProcess,
  options: { attempts?: number; intervalMs?: number } = {},
): Promise<void> {
  const attempts = options.attempts ?? 240;
  let lastSeen = "no answer yet";
  for (let attempt = 0; attempt < attempts; attempt += 1) {
    if (service.hasExited()) {
      const exit = await service.exited;
      throw new Error(
        `${service.name} exited (code ${exit.code}, signal ${exit.signal}) before it was healthy:\n${service.stderr()}${service.stdout()}`,
      );
    }
    try {
      const response = await fetch(`${service.url}/health`, { signal: AbortSignal.timeout(2_000) });
      if (response.status === 200) return;
      lastSeen = `${response.status} ${await response.text()}`;
    } catch (error) {
      lastSeen = (error as Error).message;
    }
    await pause(options.intervalMs ?? 250);
  }
  throw new Error(`${service.name} was not healthy after ${attempts} polls (${lastSeen})`);
}
