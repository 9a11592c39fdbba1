import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { availableParallelism, totalmem } from "node:os";
import { resolve } from "node:path";
import { repoRoot } from "../../tests/kit/process/launch.ts";
import { cpuPerRequest, cpuTotal } from "./cpu-cells.ts";
import { goalTable } from "./goal-table.ts";
import type { LambdaColdStart } from "./lambda-cold-start.ts";
import type { LargeCatalogueCase } from "./large-catalogue.ts";
import { type LoadResult, ratioOf, type SequentialResult } from "./load.ts";
import { int, mib, ms, table } from "./markdown-table.ts";
import type { MixedWorkload } from "./mixed-workload.ts";
import { type Ceiling, ceilingLabels, type Goal, goals } from "./ratio-goals.ts";
import { issue17Goals } from "./reservation-goals.ts";
import {
  distinctItems,
  hotUnitsPerSecond,
  type ReservationBench,
  reservationClients,
} from "./reservation-rows.ts";
import { reservationTables } from "./reservation-tables.ts";
import { largeCatalogueTable, mixedTable } from "./workload-tables.ts";

/** Legacy's uncached products-full with 1,000 products: 0.40–0.93 s; the goal is a tenth. */
export const catalogueGoalMs = 40;

export interface Machine {
  cores: number;
  cpu: string;
  memoryGiB: number;
}

export function machine(): Machine {
  let cpu = "unknown";
  try {
    cpu = /^model name\s*:\s*(.+)$/m.exec(readFileSync("/proc/cpuinfo", "utf8"))?.[1] ?? cpu;
  } catch {}
  let cores = availableParallelism();
  try {
    cores = Number(execFileSync("nproc", { encoding: "utf8" }).trim());
  } catch {}
  return { cores, cpu, memoryGiB: totalmem() / 1024 ** 3 };
}

export function gitState(): string {
  try {
    const head = execFileSync("git", ["rev-parse", "--short", "HEAD"], {
      cwd: repoRoot,
      encoding: "utf8",
    }).trim();
    const dirty = execFileSync("git", ["status", "--porcelain", "--", "packages"], {
      cwd: repoRoot,
      encoding: "utf8",
    }).trim();
    return dirty === "" ? head : `${head} (with uncommitted changes under packages/)`;
  } catch {
    return "unknown";
  }
}

export function packageVersion(name: string): string {
  try {
    const json = JSON.parse(
      readFileSync(`${repoRoot}node_modules/${name}/package.json`, "utf8"),
    ) as { version?: string };
    return json.version ?? "unknown";
  } catch {
    return "unknown";
  }
}

export interface BenchReport {
  mode: "separate processes" | "embedded all-in-one";
  /** How the services were configured: the ECS task's variables, or the all-in-one's. */
  settings: string;
  /** The load generator and its version, as `loadGenerator()` describes it. */
  loadGenerator: string;
  connections: number;
  duration: number;
  /** Slices per row, each after a baseline slice as long. */
  slices: number;
  /** Times every GET row ran; its ratio is the median of its rounds. */
  rounds: number;
  date: string;
  machine: Machine;
  versions: Record<string, string>;
  loads: LoadResult[];
  catalogue: SequentialResult[];
  /** Machine CPU busy share (0..1) over 2 s before anything of the bench started. */
  busyBefore: number;
  coldStartMs: Record<string, number>;
  rssAfterStart: Record<string, number>;
  gatewayRssAfter10k: number | undefined;
  /** Issue 16's mixed workload: absent in a quick run. */
  mixed?: MixedWorkload;
  /** Issue 16's 100,000 and 1,000,000 products: absent in a quick run. */
  largeCatalogue?: LargeCatalogueCase[];
  /** Issue 17's reservation rows: absent in a quick or embedded run. */
  reservations?: ReservationBench;
  /** The Lambda artefacts' size and start-up (issue 14): absent when not measured. */
  lambdas?: LambdaColdStart[];
  notes: string[];
}

/** Issue 14's goals for every function: init under 300 ms, bundle under 1 MB. */
export const lambdaGoals = { initMs: 300, bundleBytes: 1_000_000 } as const;

const kb = (bytes: number) => `${(bytes / 1000).toFixed(0)} kB`;
const medianOf = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
};

/** What the load table reads of a report: a run with only some rows has no more. */
type LoadRows = Pick<BenchReport, "loads" | "machine">;

export function loadTable(report: LoadRows): string {
  return table(
    [
      "path",
      "req/s",
      "p50",
      "p99",
      "requests",
      "bytes/resp",
      "non-2xx",
      "errors",
      "baseline req/s (interleaved)",
      "ratio",
      "ratio by round",
      "ratio by slice",
      "legacy ratio",
      "legacy p99",
      "goal",
      "its ceiling (this run)",
      "goal met?",
      "CPU µs per request",
      "RSS after (MiB)",
    ],
    report.loads.map((load) => {
      const baseline = load.interleaved?.baselineReqPerSec;
      const ratio = ratioOf(load);
      const byRound = load.interleaved?.roundRatios ?? [];
      const goal = goals[load.label];
      const ceiling = goal && ceilingOf(report, load, goal.ceiling);
      const met = goal === undefined ? "" : verdict(load, ratio, goal, ceiling);
      const bySlice = load.interleaved?.sliceRatios ?? [];
      return [
        load.label,
        int(load.reqPerSec),
        ms(load.p50),
        ms(load.p99),
        int(load.total),
        int(load.bytesPerRequest),
        int(load.non2xx),
        int(load.errors + load.timeouts),
        baseline === undefined ? "" : int(baseline),
        Number.isNaN(ratio) ? "" : ratio.toFixed(2),
        byRound.map((r) => r.toFixed(2)).join(", "),
        bySlice.length === 0
          ? ""
          : `${Math.min(...bySlice).toFixed(2)}–${Math.max(...bySlice).toFixed(2)}`,
        goal?.legacyRatio ?? "",
        goal?.legacyP99 ?? "",
        goal === undefined ? "" : `≥ ${goal.goal.toFixed(2)}`,
        ceiling === undefined ? "" : `${ceiling.toFixed(2)} (${goal?.ceiling})`,
        met,
        cpuPerRequest(load),
        rssAfter(load),
      ];
    }),
  );
}

/** "goal met?": yes or no, and when no, whether the goal is above what bounds the row. */
function verdict(load: LoadResult, ratio: number, goal: Goal, ceiling: number | undefined): string {
  if (ratio >= goal.goal)
    return load.non2xx + load.errors === 0 ? "yes" : "ratio yes, but non-2xx/errors";
  if (ceiling === undefined || goal.goal <= ceiling) return "no";
  return goal.ceiling === "cpu"
    ? "no: it needs less CPU per request"
    : "no: the goal is above its ceiling";
}

/** The ratio a row cannot pass: its ceiling row's, or what the machine's cores allow it. */
function ceilingOf(report: LoadRows, load: LoadResult, ceiling: Ceiling): number | undefined {
  if (ceiling === "cpu") {
    const baseline = load.interleaved?.baselineReqPerSec;
    const cpu = cpuTotal(load);
    return baseline === undefined || cpu === 0
      ? undefined
      : (report.machine.cores * 1e6) / cpu / baseline;
  }
  const ceilingLoad = report.loads.find((other) => other.label === ceilingLabels[ceiling]);
  return ceilingLoad ? ratioOf(ceilingLoad) : undefined;
}

/** What each StockWiz process holds once the row is over (the baseline server left out). */
function rssAfter(load: LoadResult): string {
  return Object.entries(load.rssAfter)
    .filter(([name]) => name !== "baseline")
    .map(([name, mib]) => `${name} ${mib.toFixed(0)}`)
    .join(" · ");
}

export function catalogueTable(report: BenchReport): string {
  return table(
    [
      "case",
      "products",
      "requests",
      "first (caches cleared)",
      "p50",
      "p99",
      "max",
      "body",
      "non-2xx",
      "gateway peak RSS",
    ],
    report.catalogue.map((c) => [
      c.label,
      int(c.products),
      String(c.requests),
      ms(c.firstMs),
      ms(c.p50),
      ms(c.p99),
      ms(c.max),
      `${(c.bytes / 1024).toFixed(0)} KiB`,
      String(c.non2xx),
      mib(c.rssPeak["api-gateway"] ?? c.rssPeak["all-in-one"]),
    ]),
  );
}

export function processTable(report: BenchReport): string {
  const names = Object.keys(report.rssAfterStart);
  return table(
    ["process", "cold start to first /health 200", "RSS after start", "peak RSS under load"],
    names.map((name) => {
      const peaks = report.loads
        .filter((load) => !load.label.startsWith("baseline"))
        .map((load) => load.rssPeak[name] ?? 0);
      const peak = peaks.length === 0 ? undefined : Math.max(...peaks);
      const peakRow = report.loads.find((load) => load.rssPeak[name] === peak)?.label;
      return [
        name,
        ms(report.coldStartMs[name] ?? Number.NaN),
        mib(report.rssAfterStart[name]),
        `${mib(peak)}${peakRow === undefined ? "" : ` (${peakRow})`}`,
      ];
    }),
  );
}

export function lambdaTable(lambdas: readonly LambdaColdStart[]): string {
  return table(
    [
      "function",
      "index.mjs",
      "gzipped",
      "whole folder",
      "init (median)",
      "init (all starts)",
      "first /health",
      "goals met?",
    ],
    lambdas.map((lambda) => {
      const init = medianOf(lambda.initMs);
      const met = [
        init < lambdaGoals.initMs ? "init yes" : "init no",
        lambda.bundleBytes < lambdaGoals.bundleBytes ? "size yes" : "size no",
      ];
      return [
        lambda.name,
        kb(lambda.bundleBytes),
        kb(lambda.bundleGzipBytes),
        kb(lambda.folderBytes),
        ms(init),
        lambda.initMs.map((value) => value.toFixed(0)).join(", "),
        ms(medianOf(lambda.firstInvokeMs)),
        met.join(", "),
      ];
    }),
  );
}

/** How the Lambda rows are measured; shared by the report and the Lambda-only run's output. */
export const lambdaMethod = `Each function is the folder \`npm run bundle:lambda\` writes (what the stacks deploy). It is
started in a fresh \`node\` process, one start after another: "init" is the \`import()\` of
\`index.mjs\`, top-level await included (configuration read, stores opened, the Fastify app
built), which is Lambda's Init Duration less the runtime's own boot; "first /health" is the first
ALB event after it. Stores: the machine's PostgreSQL (migrated once beforehand; the functions do
not migrate, as the serverless stages set \`DB_MIGRATE_ON_START=false\`), no Redis, as in a
serverless stage. Goals (issue 14): init under ${lambdaGoals.initMs} ms, \`index.mjs\` under
${kb(lambdaGoals.bundleBytes)}.`;

function baselineSpread(report: BenchReport): string {
  const all = report.loads.flatMap((load) => [
    ...(load.label.startsWith("baseline") ? [load.reqPerSec] : []),
    ...(load.interleaved === undefined ? [] : [load.interleaved.baselineReqPerSec]),
  ]);
  return all.length === 0 ? "–" : `${int(Math.min(...all))} and ${int(Math.max(...all))}`;
}

export function markdown(report: BenchReport): string {
  const m = report.machine;
  const versions = Object.entries(report.versions)
    .map(([name, version]) => `${name} ${version}`)
    .join(" · ");
  const c1000 = report.catalogue.find((c) => c.products >= 1000 && c.products < 10_000);
  return `# StockWiz benchmarks

Written by \`npm run bench\` (\`bench/run-bench.ts\`); do not edit by hand, run it again.
Issue 7 holds the legacy figures and the goals.

- **Date:** ${report.date}
- **Machine:** ${m.cores} cores (\`nproc\`), ${m.cpu}, ${m.memoryGiB.toFixed(1)} GiB memory, loopback only
- **Versions:** ${versions}
- **Machine CPU busy before the run** (2 s, nothing of the bench running yet):
  ${(report.busyBefore * 100).toFixed(0)} %
- **Stack:** ${report.mode}; real PostgreSQL and Redis unless embedded; ${report.settings};
  ${
    report.mode === "separate processes"
      ? "each service (and each ceiling server) run as its container image runs it: the esbuild bundle (`npm run bundle`) under plain `node`"
      : "the all-in-one process run as `npm start` runs it, through tsx"
  }
- **Load:** ${report.loadGenerator}, ${report.connections} connections, ${report.duration} s per row,
  one row after another, every path warmed first with the same generator; five seed rows (the POST
  row runs last)

## Goals (issues 16 and 17)

${goalTable(report)}

"–": not measured in this run (a quick run, or no wrk: see the notes), or a figure that could not
be taken (the row says why).

## Throughput and latency (ratio = req/s ÷ the bare \`node:http\` baseline's req/s in this run)

${loadTable(report)}

Each row's ${report.duration} s are run in ${report.slices} slices, and before every slice the
bare baseline runs for as long. A round's ratio divides the row's req/s by the baseline's over
those interleaved slices, so both see the same stretch of the host. The GET rows run in
${report.rounds} round(s), one after another through all of them; "ratio" is the median of a
row's rounds. That is "a baseline measured in the same run", as issue 7 asks. The POST row
runs once, last, so every GET row sees the five seed rows only. This machine's speed drifts too much for a baseline measured
once: in this run the baseline measured between ${baselineSpread(report)} req/s, with the
machine's CPU ${(report.busyBefore * 100).toFixed(0)} % busy before the run and no steal time
reported by the guest. "ratio by slice" is the spread of the slice pairs. The two baseline rows
(first and last) run alone and show the drift over the whole run. "goal met?" compares "ratio"
with the goal.

"its ceiling" is the most one process could reach in this run, whatever the code behind it:

- **fastify:** the "ceiling: bare Fastify" row, a Fastify server with no logger and no hooks
  answering the baseline's body. Every StockWiz process is a Fastify server.
- **generation:** the "ceiling: bare Fastify + cache generation read" row, the same server
  answering only after it read the shared cache's generation from Redis, once per event-loop
  turn as \`coalesced-read.ts\` does. Any answer served from a copy kept in a process must
  wait for that read, or a read after an acknowledged write could return the old state
  (CONTRACT.md §7). A row served any other way (from Redis, from the database) waits for at
  least as much.
- **cpu:** the machine's ${report.machine.cores} cores divided by the CPU one request cost the
  stack in this run ("CPU µs per request": the services, every PostgreSQL backend and Redis,
  counted over the row's own slices), as if wrk took nothing.

When a goal is above a "fastify" or "generation" ceiling, "goal met?" says so: no change to
StockWiz's code can meet it on this machine without giving up what that ceiling stands for.
A "cpu" ceiling is StockWiz's own cost, so above it "goal met?" says the row needs less CPU
per request: less work in some process, not less waiting.

The "(comparison)" row reads the merged product from a second gateway, the same bundle with
\`SERVER_PROCESSES=2\` (two processes sharing its port) on the same services: the stacks run
one process per container, and this row measures in every run what a second gateway process
would buy on these CPUs (its CPU counts both processes).

"goal met?" compares ratios only; the products-full goal also says "never stale", which
this harness does not check (the contract suites do).

## Catalogue size: \`GET /api/products-full?force_refresh=true\`, sequential requests

The catalogue is replaced in SQL (products and one stock row each), the Redis keys of the
run are deleted, then requests are sent one after another without asking for compression.
The first request finds every cache empty; later ones skip only the gateway's cache
(\`force_refresh\`), the services' own caches may answer.
Legacy: 0.40–0.93 s with 1,000 products; goal: under a tenth of that (< ${catalogueGoalMs} ms
against legacy's best figure)${
    c1000 === undefined
      ? "."
      : `; this run: p50 ${ms(c1000.p50)} → ${
          c1000.p50 < catalogueGoalMs ? "met" : "not met"
        } with the services' caches warm; the first request, every cache empty, ${ms(
          c1000.firstMs,
        )} → ${c1000.firstMs < catalogueGoalMs ? "met" : "not met"}.`
  }
The upstream-call count (goal: at most two, whatever the size) is not counted by the bench;
\`tests/e2e/contract-gateway.test.ts\` asserts it (each service logs exactly one list call under
the refresh's request id).

${catalogueTable(report)}

Gateway RSS after the 10,000-product case: ${mib(report.gatewayRssAfter10k)}.
${
  report.mixed === undefined
    ? ""
    : `
## Mixed workload on ${report.mixed.products.toLocaleString("en-US")} products

Right after the 10,000-product case, on its catalogue: one wrk run per mix
(\`bench/wrk-mixed.lua\`, ${report.connections} connections, ${report.duration} s), product ids drawn
at random among the seeded ones; the POSTs add products as they go.

${mixedTable(report.mixed)}
`
}${report.reservations === undefined ? "" : reservationSection(report, report.reservations)}${
  report.largeCatalogue === undefined
    ? ""
    : `
## Large catalogues

Seeded in SQL (one \`INSERT … SELECT generate_series\`), the run's Redis keys deleted. Pages
are requested one after another (20 each); the later page is the one the second page's
\`Link: <…>; rel="next"\` names. products-full is asked 3 times with \`force_refresh=true\`,
the gateway's RSS sampled every 50 ms.

${largeCatalogueTable(report.largeCatalogue)}
`
}
## Processes

Cold start is from \`spawn\` to the first \`/health\` 200 (polled every 20 ms, the services
started one at a time); RSS is \`VmRSS\` from \`/proc/<pid>/status\`, sampled every 200 ms
during each load row.

${processTable(report)}
${
  report.lambdas === undefined
    ? ""
    : `\n## Lambda functions: artefact size and cold start\n\n${lambdaMethod}\n\n${lambdaTable(report.lambdas)}\n`
}${report.notes.length === 0 ? "" : `\n## Notes\n\n${report.notes.map((note) => `- ${note}`).join("\n")}\n`}
${profileFindings()}`;
}

function reservationSection(report: BenchReport, bench: ReservationBench): string {
  return `
## Reservations (issue 17)

Through the gateway (\`POST /api/inventory/reservations\`), right after the load rows, on
products added in SQL to the run's database, each with one level at Warehouse A. The hot item
holds ${int(hotUnitsPerSecond * report.duration)} units, ${int(hotUnitsPerSecond)} per second of its row: at the goal
(${issue17Goals.hotReservationsPerSecond}/s) it never runs out; a faster stack sells it out, and its later answers are
409s. The ${int(distinctItems)} items hold 1,000 units each. One wrk run per row
(\`bench/wrk-reserve.lua\`, ${reservationClients} connections, ${report.duration} s), each request one unit of
a product drawn at random, at that location, with its own \`Idempotency-Key\`; the script
counts the answers by status. A warm-up of the same kind runs on the ${int(distinctItems)} items
first. "reservations/s" counts the 201s only.
After each row the database is read: "never oversold?" says whether every level held at most
its units, its reserved column equalled its holds, every answer was 201 or 409, and the row's
holds were its 201s (give or take the requests cut off when wrk stopped).
Then reservations the ${int(distinctItems)}-item row left active are committed, then others
released, one request at a time, each with its own \`Idempotency-Key\`.

${reservationTables(bench)}
`;
}

/** The profile findings are written by hand, next to the harness; the run only appends them. */
function profileFindings(): string {
  return readFileSync(resolve(repoRoot, "bench/profile-findings.md"), "utf8");
}
