import { readdir, readFile } from "node:fs/promises";
import { setTimeout as pause } from "node:timers/promises";

// What the bench's processes cost the machine, read from /proc (Linux).

/**
 * A process and its descendants: a service that serves its port from several processes
 * (SERVER_PROCESSES) is a first process and its workers, and costs what they all cost.
 */
export async function processTree(pid: number): Promise<number[]> {
  let children: number[] = [];
  try {
    const listed = (await readFile(`/proc/${pid}/task/${pid}/children`, "utf8")).trim();
    children = listed === "" ? [] : listed.split(" ").map(Number);
  } catch {
    // gone, or a kernel without the children file: the process alone
  }
  const below = await Promise.all(children.map(processTree));
  return [pid, ...below.flat()];
}

async function ownRssMiB(pid: number): Promise<number | undefined> {
  try {
    const status = await readFile(`/proc/${pid}/status`, "utf8");
    const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
    return match?.[1] === undefined ? undefined : Number(match[1]) / 1024;
  } catch {
    return undefined;
  }
}

/** VmRSS in MiB of a process and its workers together, or undefined once it is gone. */
export async function rssMiB(pid: number): Promise<number | undefined> {
  const [own, ...workers] = await Promise.all((await processTree(pid)).map(ownRssMiB));
  if (own === undefined) return undefined;
  return workers.reduce<number>((sum, rss) => sum + (rss ?? 0), own);
}

export interface RssSamples {
  /** Each process's highest VmRSS (MiB) while sampled. */
  peak: Record<string, number>;
  /** Each process's VmRSS (MiB) when sampling stopped: what the row left behind. */
  last: Record<string, number>;
}

/** Samples the RSS of some processes every `everyMs` until stopped; keeps each one's peak. */
export function sampleRss(pids: Record<string, number>, everyMs = 200) {
  const peaks: Record<string, number> = {};
  const last: Record<string, number> = {};
  const sample = async () => {
    for (const [name, pid] of Object.entries(pids)) {
      const rss = await rssMiB(pid);
      if (rss === undefined) continue;
      last[name] = rss;
      if (rss > (peaks[name] ?? 0)) peaks[name] = rss;
    }
  };
  void sample();
  const timer = setInterval(() => void sample(), everyMs);
  return {
    async stop(): Promise<RssSamples> {
      clearInterval(timer);
      await sample();
      return { peak: peaks, last };
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

/**
 * The database a PostgreSQL client backend serves, from the title PostgreSQL gives it
 * (`postgres: 15/main: user database 127.0.0.1(5432) idle`); undefined for the server's own
 * processes (postmaster, WAL writer, checkpointer…), which serve every database.
 */
export function backendDatabase(commandLine: string): string | undefined {
  const title = /^postgres: [^:]+: (.*)$/.exec(commandLine.replaceAll("\0", " ").trim())?.[1];
  const [, database, client] = title?.split(" ") ?? [];
  return client !== undefined && /\(\d+\)$|^\[local\]$/.test(client) ? database : undefined;
}

async function servesOtherDatabase(pid: string, database: string): Promise<boolean> {
  try {
    const served = backendDatabase(await readFile(`/proc/${pid}/cmdline`, "utf8"));
    return served !== undefined && served !== database;
  } catch {
    return true; // gone: nothing more to count
  }
}

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
 * CPU time (ms) used so far by each named process (with its workers), and by all PostgreSQL and all Redis server
 * processes together. Differences over a run give each one's share of the work. With
 * `database`, PostgreSQL's backends serving other databases are left out: the machine's
 * PostgreSQL is shared, and others' tests would count as the bench's work.
 */
export async function cpuTimeMs(
  pids: Record<string, number>,
  database?: string,
): Promise<Record<string, number>> {
  const used: Record<string, number> = {};
  for (const [name, pid] of Object.entries(pids)) {
    for (const each of await processTree(pid)) {
      const cpu = await processCpu(String(each));
      if (cpu !== undefined) used[name] = (used[name] ?? 0) + cpu.ms;
    }
  }
  for (const entry of await readdir("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const cpu = await processCpu(entry);
    if (cpu === undefined) continue;
    const store = storeProcesses[cpu.name];
    if (store === undefined) continue;
    if (
      store === "PostgreSQL" &&
      database !== undefined &&
      (await servesOtherDatabase(entry, database))
    )
      continue;
    used[store] = (used[store] ?? 0) + cpu.ms;
  }
  return used;
}
