import { execFile, spawnSync } from "node:child_process";
import { request } from "node:http";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import autocannon from "autocannon";
import { cpuTimeMs, type RssSamples, sampleRss } from "./process-usage.ts";

export interface Target {
  readonly label: string;
  readonly url: string;
  readonly method?: "GET" | "POST";
  readonly body?: string;
  /** A wrk script that writes the requests itself (a mix), with its settings; wrk only. */
  readonly script?: { readonly path: string; readonly env: Record<string, string> };
}

export interface LoadResult {
  readonly label: string;
  readonly reqPerSec: number;
  readonly p50: number;
  readonly p99: number;
  readonly total: number;
  /** Mean response bytes (headers included) per request. */
  readonly bytesPerRequest: number;
  readonly non2xx: number;
  readonly errors: number;
  readonly timeouts: number;
  /** Peak VmRSS (MiB) of each watched process during the run. */
  readonly rssPeak: Record<string, number>;
  /** VmRSS (MiB) of each watched process once the row ended. */
  readonly rssAfter: Record<string, number>;
  /** The baseline measured in slices interleaved with this row's (service rows only). */
  readonly interleaved?: Interleaving | undefined;
  /** CPU µs per request of each stack process, PostgreSQL and Redis (interleaved rows only). */
  readonly cpuPerRequestUs?: Record<string, number> | undefined;
  /** Answers by kind, when the row's wrk script counts them itself (see answerCounts()). */
  readonly answers?: Record<string, number> | undefined;
}

export interface Interleaving {
  /** The baseline's req/s over its slices, which alternate with the row's own. */
  readonly baselineReqPerSec: number;
  /** The row's req/s ÷ the baseline's, slice pair by slice pair. */
  readonly sliceRatios: readonly number[];
  /** With several rounds: the ratio of each round, in order. */
  readonly roundRatios?: readonly number[];
}

const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? Number.NaN)
    : ((sorted[middle - 1] ?? Number.NaN) + (sorted[middle] ?? Number.NaN)) / 2;
};

/** A row's ratio: the median over its rounds when it had several. */
export function ratioOf(load: LoadResult): number {
  const interleaved = load.interleaved;
  if (interleaved === undefined) return Number.NaN;
  return interleaved.roundRatios === undefined
    ? load.reqPerSec / interleaved.baselineReqPerSec
    : median(interleaved.roundRatios);
}

export interface LoadGenerator {
  readonly name: "wrk" | "autocannon";
  /** What the printed output and the report say was used, version included. */
  readonly description: string;
}

export interface LoadSettings {
  readonly generator: LoadGenerator;
  readonly connections: number;
  /** Whole seconds: wrk takes no fractions. */
  readonly duration: number;
}

type Counts = Omit<
  LoadResult,
  "label" | "rssPeak" | "rssAfter" | "interleaved" | "cpuPerRequestUs"
>;

/** wrk's version if it is on PATH (`wrk --version` prints it but exits 1), else undefined. */
function wrkVersion(): string | undefined {
  const run = spawnSync("wrk", ["--version"], { encoding: "utf8", timeout: 5_000 });
  if (run.error !== undefined) return undefined;
  // Debian says "wrk debian/4.1.0-3+b2 [epoll] …".
  return /^wrk \D*(\d+(?:\.\d+)+)/.exec(run.stdout)?.[1] ?? "(unknown version)";
}

/**
 * wrk unless autocannon is asked for: issue 7 measured legacy with wrk, and autocannon, in
 * this process, takes a core from the services on a small machine. Autocannon is the
 * fallback when wrk is not on PATH; asking for wrk then is an error.
 */
export function loadGenerator(wanted: "wrk" | "autocannon" | undefined): LoadGenerator {
  const wrk = wanted === "autocannon" ? undefined : wrkVersion();
  if (wrk !== undefined)
    return { name: "wrk", description: `wrk ${wrk}, 1 thread in its own process` };
  if (wanted === "wrk") throw new Error("--load-generator wrk: wrk is not on PATH");
  const { version } = createRequire(import.meta.url)("autocannon/package.json") as {
    version: string;
  };
  return {
    name: "autocannon",
    description:
      `autocannon ${version}, 1 worker in the bench's own process (it shares the cores ` +
      `with the services${wanted === undefined ? "; wrk was not on PATH" : ""})`,
  };
}

async function runAutocannon(target: Target, settings: LoadSettings): Promise<Counts> {
  if (target.script !== undefined) throw new Error(`${target.label} needs wrk (a Lua script)`);
  const result = await autocannon({
    url: target.url,
    method: target.method ?? "GET",
    ...(target.body === undefined
      ? {}
      : { body: target.body, headers: { "content-type": "application/json" } }),
    timeout: 10,
    connections: settings.connections,
    duration: settings.duration,
  });
  return {
    reqPerSec: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    total: result.requests.total,
    bytesPerRequest:
      result.requests.total === 0 ? 0 : result.throughput.total / result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
  };
}

/** The JSON line `done()` in bench/wrk-report.lua prints; times in microseconds. */
interface WrkSummary {
  requests: number;
  duration_us: number;
  bytes: number;
  status_errors: number;
  connect_errors: number;
  read_errors: number;
  write_errors: number;
  timeouts: number;
  p50_us: number;
  p99_us: number;
  answers?: Record<string, number>;
}

const wrkScript = fileURLToPath(new URL("../wrk-report.lua", import.meta.url));
const execFileAsync = promisify(execFile);

/** The flags issue 7 measured legacy with (wrk's default 2 s request timeout included). */
async function runWrk(target: Target, settings: LoadSettings): Promise<Counts> {
  const { stdout } = await execFileAsync(
    "wrk",
    [
      "-t1",
      `-c${settings.connections}`,
      `-d${settings.duration}s`,
      "--latency",
      "-s",
      target.script?.path ?? wrkScript,
      target.url,
    ],
    {
      // The script reads the request from here; nothing else of this process's environment.
      env: {
        PATH: process.env.PATH ?? "/usr/bin:/bin",
        WRK_METHOD: target.method ?? "GET",
        WRK_REPORT_SCRIPT: wrkScript,
        ...target.script?.env,
        ...(target.body === undefined
          ? {}
          : { WRK_BODY: target.body, WRK_CONTENT_TYPE: "application/json" }),
      },
      // wrk stops itself after the duration; this only bounds a hung one.
      timeout: (settings.duration + 15) * 1000,
      killSignal: "SIGKILL",
    },
  );
  const line = /^\{.*\}$/m.exec(stdout)?.[0];
  if (line === undefined) throw new Error(`wrk printed no summary line:\n${stdout}`);
  const s = JSON.parse(line) as WrkSummary;
  return {
    reqPerSec: s.duration_us === 0 ? 0 : s.requests / (s.duration_us / 1e6),
    p50: s.p50_us / 1000,
    p99: s.p99_us / 1000,
    total: s.requests,
    bytesPerRequest: s.requests === 0 ? 0 : s.bytes / s.requests,
    // wrk counts only statuses above 399; a 3xx passes as a success.
    non2xx: s.status_errors,
    errors: s.connect_errors + s.read_errors + s.write_errors,
    timeouts: s.timeouts,
    answers: s.answers,
  };
}

const run = (target: Target, settings: LoadSettings) =>
  settings.generator.name === "wrk" ? runWrk(target, settings) : runAutocannon(target, settings);

/** A warm-up under the same load as the measurement, bounded in time, results ignored. */
export async function warm(target: Target, settings: LoadSettings): Promise<void> {
  await run(target, settings);
}

/** The processes whose CPU a row is charged with, and the database whose backends count. */
export interface CpuAccount {
  readonly pids: Record<string, number>;
  readonly database?: string | undefined;
}

/**
 * One load run bounded by `duration` seconds, with the watched processes' peak RSS and, when
 * `cpu` is given, the CPU µs per request of its processes, PostgreSQL and Redis.
 */
export async function measure(
  target: Target,
  settings: LoadSettings,
  watch: Record<string, number>,
  cpu?: CpuAccount,
): Promise<LoadResult> {
  const sampler = sampleRss(watch);
  let counts: Counts;
  let rss: RssSamples = { peak: {}, last: {} };
  const before = cpu === undefined ? undefined : await cpuTimeMs(cpu.pids, cpu.database);
  let after: Record<string, number> | undefined;
  try {
    counts = await run(target, settings);
    after = cpu === undefined ? undefined : await cpuTimeMs(cpu.pids, cpu.database);
  } finally {
    rss = await sampler.stop();
  }
  const cpuPerRequestUs =
    before === undefined || after === undefined
      ? undefined
      : Object.fromEntries(
          Object.entries(after).map(([name, ms]) => [
            name,
            ((ms - (before[name] ?? ms)) * 1000) / (counts.total || 1),
          ]),
        );
  return {
    label: target.label,
    ...counts,
    rssPeak: rss.peak,
    rssAfter: rss.last,
    cpuPerRequestUs,
  };
}

/** Interleaved measurements of one row, one per round, as one result. */
export function mergeRounds(rounds: readonly LoadResult[]): LoadResult {
  const [first] = rounds;
  if (first === undefined) throw new Error("no round to merge");
  const rssPeak: Record<string, number> = {};
  for (const round of rounds)
    for (const [name, mib] of Object.entries(round.rssPeak))
      rssPeak[name] = Math.max(rssPeak[name] ?? 0, mib);
  const interleaved = rounds.flatMap((round) => (round.interleaved ? [round.interleaved] : []));
  const counts = combine(rounds);
  // Each round's CPU per request, weighted by its requests: the CPU of all rounds ÷ all requests.
  const cpuPerRequestUs: Record<string, number> = {};
  for (const round of rounds)
    for (const [name, us] of Object.entries(round.cpuPerRequestUs ?? {}))
      cpuPerRequestUs[name] = (cpuPerRequestUs[name] ?? 0) + (us * round.total) / counts.total;
  return {
    label: first.label,
    ...counts,
    rssPeak,
    rssAfter: rounds.at(-1)?.rssAfter ?? {},
    cpuPerRequestUs,
    interleaved: {
      baselineReqPerSec: median(interleaved.map((i) => i.baselineReqPerSec)),
      sliceRatios: interleaved.flatMap((i) => i.sliceRatios),
      roundRatios: rounds.map(ratioOf),
    },
  };
}

/** Several runs of one target as one: totals summed, the median p50, the worst p99. */
function combine(runs: readonly Counts[]): Counts {
  const total = runs.reduce((sum, run) => sum + run.total, 0);
  const seconds = runs.reduce((sum, run) => sum + run.total / (run.reqPerSec || 1), 0);
  const p50s = runs.map((run) => run.p50);
  return {
    reqPerSec: seconds === 0 ? 0 : total / seconds,
    p50: median(p50s),
    p99: Math.max(...runs.map((run) => run.p99)),
    total,
    bytesPerRequest:
      total === 0 ? 0 : runs.reduce((sum, run) => sum + run.bytesPerRequest * run.total, 0) / total,
    non2xx: runs.reduce((sum, run) => sum + run.non2xx, 0),
    errors: runs.reduce((sum, run) => sum + run.errors, 0),
    timeouts: runs.reduce((sum, run) => sum + run.timeouts, 0),
  };
}

/**
 * The row and the baseline in alternating slices (baseline, row, baseline, row…), so both
 * see the same stretch of the host's speed, which drifts by tens of percent within minutes.
 * `settings.duration` is split into `slices` runs of the row; the baseline gets as many.
 * The CPU of `stack` (and of PostgreSQL and Redis) is counted over the row's slices only.
 */
export async function measureInterleaved(
  target: Target,
  baseline: Target,
  settings: LoadSettings & {
    slices: number;
    /** The stack's database: PostgreSQL's CPU is counted for its backends only. */
    database?: string;
  },
  watch: Record<string, number>,
  stack: Record<string, number>,
): Promise<LoadResult> {
  const slice = {
    ...settings,
    duration: Math.max(1, Math.round(settings.duration / settings.slices)),
  };
  const sampler = sampleRss(watch);
  const targetRuns: Counts[] = [];
  const baselineRuns: Counts[] = [];
  let rss: RssSamples = { peak: {}, last: {} };
  const cpuMs: Record<string, number> = {};
  try {
    for (let n = 0; n < settings.slices; n += 1) {
      baselineRuns.push(await run(baseline, slice));
      const before = await cpuTimeMs(stack, settings.database);
      targetRuns.push(await run(target, slice));
      const after = await cpuTimeMs(stack, settings.database);
      for (const [name, ms] of Object.entries(after))
        cpuMs[name] = (cpuMs[name] ?? 0) + ms - (before[name] ?? ms);
    }
  } finally {
    rss = await sampler.stop();
  }
  const counts = combine(targetRuns);
  const cpuPerRequestUs = Object.fromEntries(
    Object.entries(cpuMs).map(([name, ms]) => [name, (ms * 1000) / (counts.total || 1)]),
  );
  return {
    label: target.label,
    ...counts,
    rssPeak: rss.peak,
    rssAfter: rss.last,
    cpuPerRequestUs,
    interleaved: {
      baselineReqPerSec: combine(baselineRuns).reqPerSec,
      sliceRatios: targetRuns.map(
        (targetRun, n) => targetRun.reqPerSec / (baselineRuns[n]?.reqPerSec ?? Number.NaN),
      ),
    },
  };
}

export interface Timed {
  readonly status: number;
  readonly bytes: number;
  readonly ms: number;
}

export interface TimedRequest {
  readonly method: "GET" | "POST";
  readonly headers?: Record<string, string>;
  readonly body?: string;
}

/** One plain GET (no compression asked for) read to the end, timed from send to last byte. */
export const timedGet = (url: string, timeoutMs = 60_000) =>
  timedRequest(url, { method: "GET" }, timeoutMs);

/** One request read to the end, timed from send to last byte. */
export function timedRequest(
  url: string,
  { method, headers = {}, body }: TimedRequest,
  timeoutMs = 60_000,
): Promise<Timed> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    // A length even when empty: a POST sent chunked without a content type is refused (415).
    const length = { "content-length": String(Buffer.byteLength(body ?? "")) };
    const sent = method === "GET" ? headers : { ...headers, ...length };
    const req = request(url, { method, headers: sent, timeout: timeoutMs }, (response) => {
      let bytes = 0;
      response.on("data", (chunk: Buffer) => {
        bytes += chunk.length;
      });
      response.on("end", () =>
        resolve({ status: response.statusCode ?? 0, bytes, ms: performance.now() - start }),
      );
      response.on("error", reject);
    });
    req.on("timeout", () => req.destroy(new Error(`timeout after ${timeoutMs} ms: ${url}`)));
    req.on("error", reject);
    req.end(body);
  });
}

export interface SequentialResult {
  readonly label: string;
  readonly products: number;
  readonly requests: number;
  readonly non2xx: number;
  readonly bytes: number;
  readonly firstMs: number;
  readonly p50: number;
  readonly p99: number;
  readonly max: number;
  readonly rssPeak: Record<string, number>;
}

/** The p-th percentile of values sorted in ascending order (nearest rank). */
export const percentile = (sorted: readonly number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;

/** Up to `count` sequential requests, stopping early past `budgetMs`; latency figures in ms. */
export async function sequential(
  label: string,
  products: number,
  url: string,
  options: { count: number; budgetMs: number },
  watch: Record<string, number>,
): Promise<SequentialResult> {
  const sampler = sampleRss(watch, 50);
  const times: Timed[] = [];
  const start = performance.now();
  let rssPeak: Record<string, number> = {};
  try {
    while (times.length < options.count && performance.now() - start < options.budgetMs)
      times.push(await timedGet(url));
  } finally {
    rssPeak = (await sampler.stop()).peak;
  }
  const sorted = times.map((t) => t.ms).sort((a, b) => a - b);
  return {
    label,
    products,
    requests: times.length,
    non2xx: times.filter((t) => t.status < 200 || t.status > 299).length,
    bytes: times[0]?.bytes ?? 0,
    firstMs: times[0]?.ms ?? Number.NaN,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    max: sorted.at(-1) ?? Number.NaN,
    rssPeak,
  };
}
