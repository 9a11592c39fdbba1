import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { readdir, readFile } from "node:fs/promises";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";

export const repoRoot = fileURLToPath(new URL("../../", import.meta.url));

export interface BenchProcess {
  readonly name: string;
  readonly pid: number;
  readonly startedAt: number;
  hasExited(): boolean;
  output(): string;
  /** SIGTERM, then the exit code; SIGKILL only past the grace bound. */
  stop(): Promise<number | null>;
}

const killAfterMs = 15_000;

/**
 * Starts `entry` with node, with only the given environment (plus PATH and HOME): a built
 * `.mjs` file as it is, TypeScript sources through tsx.
 */
export function spawnNode(name: string, entry: string, env: Record<string, string>): BenchProcess {
  const args = entry.endsWith(".mjs") ? [entry] : ["--import", "tsx", entry];
  const child: ChildProcess = spawn(process.execPath, args, {
    cwd: repoRoot,
    env: { PATH: process.env.PATH ?? "/usr/bin:/bin", HOME: process.env.HOME ?? "/tmp", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const startedAt = performance.now();
  let out = "";
  const keep = (chunk: string) => {
    out = (out + chunk).slice(-20_000);
  };
  child.stdout?.setEncoding("utf8").on("data", keep);
  child.stderr?.setEncoding("utf8").on("data", keep);
  let done = false;
  const exited = once(child, "close").then(([code]) => {
    done = true;
    return code as number | null;
  });
  if (child.pid === undefined) throw new Error(`${name} did not start`);
  const pid = child.pid;
  return {
    name,
    pid,
    startedAt,
    hasExited: () => done,
    output: () => out,
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

export const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Polls `GET <url>/health` every 20 ms until it answers 200 (bounded) and returns the time
 * from the spawn to that first 200, in ms.
 */
export async function coldStartToHealth(
  service: BenchProcess,
  url: string,
  timeoutMs = 60_000,
): Promise<number> {
  let lastSeen = "no answer yet";
  while (performance.now() - service.startedAt < timeoutMs) {
    if (service.hasExited())
      throw new Error(`${service.name} exited before it was healthy:\n${service.output()}`);
    try {
      const response = await fetch(`${url}/health`, { signal: AbortSignal.timeout(2_000) });
      const text = await response.text();
      if (response.status === 200) return performance.now() - service.startedAt;
      lastSeen = `${response.status} ${text}`;
    } catch (error) {
      lastSeen = (error as Error).message;
    }
    await pause(20);
  }
  throw new Error(`${service.name} not healthy after ${timeoutMs} ms (${lastSeen})`);
}

/** Waits for a line on the process output (the baseline server says when it listens). */
export async function waitForOutput(
  service: BenchProcess,
  text: string,
  timeoutMs = 20_000,
): Promise<void> {
  const start = performance.now();
  while (!service.output().includes(text)) {
    if (service.hasExited()) throw new Error(`${service.name} exited:\n${service.output()}`);
    if (performance.now() - start > timeoutMs) throw new Error(`${service.name} never said ready`);
    await pause(20);
  }
}

/** Ports the kernel just handed out, all held until every one is picked. */
export async function freePorts(count: number): Promise<number[]> {
  const servers = Array.from({ length: count }, () => createServer());
  try {
    return await Promise.all(
      servers.map(
        (server) =>
          new Promise<number>((resolve, reject) => {
            server.once("error", reject);
            server.listen(0, "127.0.0.1", () => {
              const address = server.address();
              if (address === null || typeof address === "string") reject(new Error("no port"));
              else resolve(address.port);
            });
          }),
      ),
    );
  } finally {
    await Promise.all(
      servers.map((server) => new Promise<void>((resolve) => server.close(() => resolve()))),
    );
  }
}

/** VmRSS of a process in MiB, or undefined once it is gone. */
export async function rssMiB(pid: number): Promise<number | undefined> {
  try {
    const status = await readFile(`/proc/${pid}/status`, "utf8");
    const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
    return match?.[1] === undefined ? undefined : Number(match[1]) / 1024;
  } catch {
    return undefined;
  }
}

/** Samples the RSS of some processes every `everyMs` until stopped; keeps each one's peak. */
export function sampleRss(pids: Record<string, number>, everyMs = 200) {
  const peaks: Record<string, number> = {};
  const sample = async () => {
    for (const [name, pid] of Object.entries(pids)) {
      const rss = await rssMiB(pid);
      if (rss !== undefined && rss > (peaks[name] ?? 0)) peaks[name] = rss;
    }
  };
  void sample();
  const timer = setInterval(() => void sample(), everyMs);
  return {
    async stop(): Promise<Record<string, number>> {
      clearInterval(timer);
      await sample();
      return peaks;
    },
  };
}

async function cpuJiffies(): Promise<{ busy: number; total: number }> {
  const line = (await readFile("/proc/stat", "utf8")).split("\n")[0] ?? "";
  const fields = line.trim().split(/\s+/).slice(1).map(Number);
  const total = fields.reduce((sum, value) => sum + value, 0);
  const idle = (fields[3] ?? 0) + (fields[4] ?? 0);
  return { busy: total - idle, total };
}

/** Share of the whole machine's CPU that was busy over `ms` (0..1), e.g. before the run starts. */
export async function machineBusy(ms: number): Promise<number> {
  const before = await cpuJiffies();
  await pause(ms);
  const after = await cpuJiffies();
  const total = after.total - before.total;
  return total <= 0 ? 0 : (after.busy - before.busy) / total;
}

// Linux reports process CPU in USER_HZ ticks, 100 per second on every architecture it runs on.
const ticksPerSecond = 100;
// The shared stores' processes, counted by name: PostgreSQL forks a backend per connection.
const storeProcesses: Record<string, string> = { postgres: "PostgreSQL", "redis-server": "Redis" };

/** utime + stime of one process in ms, with its command name; undefined once it is gone. */
async function processCpu(pid: string): Promise<{ name: string; ms: number } | undefined> {
  try {
    const stat = await readFile(`/proc/${pid}/stat`, "utf8");
    const close = stat.lastIndexOf(")");
    const fields = stat.slice(close + 2).split(" ");
    // After the name: state is field 3 of stat(5), utime field 14 and stime field 15.
    const ticks = Number(fields[11]) + Number(fields[12]);
    return { name: stat.slice(stat.indexOf("(") + 1, close), ms: (ticks * 1000) / ticksPerSecond };
  } catch {
    return undefined;
  }
}

/**
 * CPU time (ms) used so far by each named process, and by all PostgreSQL and all Redis server
 * processes together. Differences over a run give each one's share of the work.
 */
export async function cpuTimeMs(pids: Record<string, number>): Promise<Record<string, number>> {
  const used: Record<string, number> = {};
  for (const [name, pid] of Object.entries(pids)) {
    const cpu = await processCpu(String(pid));
    if (cpu !== undefined) used[name] = cpu.ms;
  }
  for (const entry of await readdir("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const cpu = await processCpu(entry);
    if (cpu === undefined) continue;
    const store = storeProcesses[cpu.name];
    if (store !== undefined) used[store] = (used[store] ?? 0) + cpu.ms;
  }
  return used;
}
