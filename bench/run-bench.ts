import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { setTimeout as pause } from "node:timers/promises";
import { parseArgs } from "node:util";
import { ensureWebBuild } from "@stockwiz/web";
import {
  bundleEntry,
  bundleLambdas,
  bundleServices,
  serviceNames,
} from "../scripts/bundle-services.ts";
import type { AppServiceKey } from "../stacks/config/resource-names.ts";
import { freePorts } from "../tests/kit/free-ports.ts";
import {
  describeExit,
  type LaunchedProcess,
  type LaunchOptions,
  launchNode,
  repoRoot,
} from "../tests/kit/process/launch.ts";
import { waitForHealth } from "../tests/kit/process/wait-for-health.ts";
import { waitForOutput } from "../tests/kit/process/wait-for-output.ts";
import { createScratchDatabase } from "../tests/kit/stores/scratch-database.ts";
import { newRedisKeyPrefix, redisUrl, removeCacheKeys } from "../tests/kit/stores/scratch-redis.ts";
import { goalTable } from "./lib/goal-table.ts";
import { type LambdaColdStart, measureLambdaColdStarts } from "./lib/lambda-cold-start.ts";
import {
  type LargeCatalogueCase,
  largeCatalogueSizes,
  measureLargeCatalogue,
} from "./lib/large-catalogue.ts";
import {
  type LoadResult,
  loadGenerator,
  measure,
  measureInterleaved,
  mergeRounds,
  type SequentialResult,
  sequential,
  type Target,
  warm,
} from "./lib/load.ts";
import { type MixedWorkload, measureMixedWorkload } from "./lib/mixed-workload.ts";
import { machineBusy, rssMiB } from "./lib/process-usage.ts";
import { ceilingLabels, twoGatewayProcessesLabel } from "./lib/ratio-goals.ts";
import {
  type BenchReport,
  catalogueTable,
  gitState,
  lambdaMethod,
  lambdaTable,
  loadTable,
  machine,
  markdown,
  packageVersion,
  processTable,
} from "./lib/report.ts";
import {
  measureReservations,
  type ReservationBench,
  reservationLabels,
} from "./lib/reservation-rows.ts";
import { reservationTables } from "./lib/reservation-tables.ts";
import { seedCatalogue } from "./lib/seed-catalogue.ts";
import {
  type BenchPlacement,
  benchRateLimitPerMinute,
  shippedEnvironment,
  shippedSettings,
} from "./lib/shipped-environment.ts";
import { postgresVersion, redisVersion } from "./lib/store-versions.ts";
import { largeCatalogueTable, mixedTable } from "./lib/workload-tables.ts";

const { values } = parseArgs({
  options: {
    duration: { type: "string", default: "8" },
    connections: { type: "string", default: "32" },
    embedded: { type: "boolean", default: false },
    quick: { type: "boolean", default: false },
    rounds: { type: "string", default: "3" },
    /** Only the Lambda artefacts' size and cold starts (a minute, no load rows). */
    lambda: { type: "boolean", default: false },
    output: { type: "string" },
    /** Only the load and reservation rows whose label contains this text (the baseline always
     * runs); `mixed` runs the mixed workload alone, on a seeded 10,000-product catalogue. */
    only: { type: "string" },
    /** Writes a CPU profile of each service (node --cpu-prof) into this folder when it stops. */
    profile: { type: "string" },
    "load-generator": { type: "string" },
  },
});
const duration = values.quick ? 2 : Number(values.duration);
// Each row's seconds are split into this many slices, each after a baseline slice as long.
const slices = values.quick ? 2 : 4;
// The GET rows run this many times over; each row's ratio is the median of its rounds.
const rounds = values.quick ? 1 : Number(values.rounds);
if (!(Number.isInteger(rounds) && rounds >= 1 && rounds <= 9))
  throw new Error("--rounds must be an integer 1..9");
const connections = Number(values.connections);
if (!(Number.isInteger(duration) && duration > 0 && duration <= 120))
  throw new Error("--duration must be an integer 1..120 (seconds)");
if (!(Number.isInteger(connections) && connections > 0 && connections <= 1024))
  throw new Error("--connections must be an integer 1..1024");
const wanted = values["load-generator"];
if (wanted !== undefined && wanted !== "wrk" && wanted !== "autocannon")
  throw new Error("--load-generator must be wrk or autocannon");
const generator = loadGenerator(wanted);
// A quick run is a smoke test: it prints, and writes a file only when asked to.
const output =
  values.output ?? (values.quick || values.only !== undefined ? undefined : "BENCHMARKS.md");
const only = values.only;
const onlyMixed = only === "mixed";
const profileDir = values.profile === undefined ? undefined : resolve(values.profile);
// A profile covers the process's whole life, so the rows it should show run alone.
if (profileDir !== undefined && only === undefined)
  throw new Error("--profile needs --only: a profile covers every row the process serves");
const catalogueSizes = [1_000, 10_000];
const sequentialRequests = values.quick ? 3 : 20;

const log = (line: string) => process.stdout.write(`${line}\n`);

/** Cleanups run last-in first-out, on success, on failure and on Ctrl-C. */
const cleanups: Array<{ what: string; run: () => Promise<unknown> }> = [];
let cleaning: Promise<void> | undefined;
function cleanUp(): Promise<void> {
  cleaning ??= (async () => {
    for (const { what, run } of cleanups.splice(0).reverse()) {
      try {
        await run();
      } catch (error) {
        log(`cleanup "${what}" failed: ${(error as Error).message}`);
      }
    }
  })();
  return cleaning;
}
for (const signal of ["SIGINT", "SIGTERM"] as const)
  process.once(signal, () => {
    log(`${signal}: stopping everything`);
    void cleanUp().finally(() => process.exit(130));
  });

/** Starts a process the cleanups stop; its output is kept short, as it runs for minutes. */
function start(name: string, entry: string, env: LaunchOptions["env"]): LaunchedProcess {
  const service = launchNode(entry, { name, env, keepLastChars: 20_000, killAfterMs: 15_000 });
  cleanups.push({
    what: `stop ${service.name}`,
    run: async () => {
      const exit = await service.stop();
      if (exit.code !== 0) log(`${service.name} exited with ${describeExit(exit)}`);
    },
  });
  return service;
}

/** Polls /health every 20 ms and returns the time from the spawn to its first 200, in ms. */
async function coldStartToHealth(service: LaunchedProcess, url: string): Promise<number> {
  await waitForHealth(service, url, { intervalMs: 20, timeoutMs: 60_000 });
  return performance.now() - service.startedAt;
}

interface Stack {
  /** Processes whose RSS is watched, by name. */
  pids: Record<string, number>;
  coldStartMs: Record<string, number>;
  gatewayUrl: string;
  productUrl: string;
  /**
   * Rows beside the shipped ones, on servers of their own (counted by name, not watched for
   * RSS): the gateway in two processes, what a second one would buy on the same CPUs.
   */
  comparisons: { targets: Target[]; pids: Record<string, number> };
  /** Puts `count` products (one stock row each) in the catalogue; returns how many there are. */
  seed(count: number): Promise<number>;
  /** Its scratch database on the machine's PostgreSQL, by name and URL; absent when embedded. */
  databaseName?: string;
  databaseUrl?: string;
  notes: string[];
}

// Bundles built for this run; under the repository (dist/ is ignored by git) so that
// node_modules is found from them, as /app/node_modules is in the images.
const benchBuildDir = join(repoRoot, "dist", "bench");

async function startSeparate(): Promise<Stack> {
  // The services run as their container images run them: esbuild's bundle under plain node,
  // the gateway serving a built dashboard.
  log("bundling the three services as their images do (npm run bundle)");
  const [gatewayBundle, productBundle, inventoryBundle] = (await bundleServices(
    ["api-gateway", "product-service", "inventory-service"],
    benchBuildDir,
  )) as [string, string, string];
  await ensureWebBuild();
  const database = await createScratchDatabase("bench");
  cleanups.push({ what: `drop database ${database.name}`, run: () => database.drop() });
  const prefix = newRedisKeyPrefix("bench");
  cleanups.push({ what: "remove the Redis keys", run: () => removeCacheKeys(prefix) });
  const [gatewayPort, productPort, inventoryPort] = (await freePorts(3)) as [
    number,
    number,
    number,
  ];
  const placement: BenchPlacement = {
    ports: {
      apiGateway: gatewayPort,
      productService: productPort,
      inventoryService: inventoryPort,
    },
    databaseUrl: database.url,
    redisUrl,
    redisKeyPrefix: prefix,
  };
  const url = (port: number) => `http://127.0.0.1:${port}`;
  const coldStartMs: Record<string, number> = {};
  const pids: Record<string, number> = {};
  // One at a time: each cold start is measured alone, and the two migrations never race.
  // Each with the environment its ECS task sets (shippedEnvironment), so the bench measures
  // what ships: request log lines, the rate limiter.
  const startService = async (name: string, entry: string, key: AppServiceKey) => {
    const shipped = shippedEnvironment(key, placement);
    // Profiling adds to the task's NODE_OPTIONS (its heap settings), never replaces them.
    const profiling: Record<string, string> =
      profileDir === undefined
        ? {}
        : {
            NODE_OPTIONS: [
              shipped.NODE_OPTIONS,
              `--cpu-prof --cpu-prof-dir=${profileDir} --cpu-prof-name=${name}.cpuprofile`,
            ]
              .filter((option) => option !== undefined)
              .join(" "),
          };
    const service = start(name, entry, { ...shipped, ...profiling });
    const port = placement.ports[key];
    coldStartMs[name] = await coldStartToHealth(service, url(port));
    pids[name] = service.pid;
    log(`${name} healthy after ${coldStartMs[name]?.toFixed(0)} ms (pid ${service.pid})`);
  };
  await startService("product-service", productBundle, "productService");
  await startService("inventory-service", inventoryBundle, "inventoryService");
  await startService("api-gateway", gatewayBundle, "apiGateway");
  // The same gateway in two processes, on the same services: what SERVER_PROCESSES=2 would buy.
  const [twoPort] = (await freePorts(1)) as [number];
  const twoProcesses = start("api-gateway, two processes", gatewayBundle, {
    ...shippedEnvironment("apiGateway", {
      ...placement,
      ports: { ...placement.ports, apiGateway: twoPort },
    }),
    SERVER_PROCESSES: "2",
  });
  await coldStartToHealth(twoProcesses, url(twoPort));
  return {
    pids,
    coldStartMs,
    gatewayUrl: url(gatewayPort),
    productUrl: url(productPort),
    comparisons: {
      targets: [{ label: twoGatewayProcessesLabel, url: `${url(twoPort)}/api/products/1` }],
      pids: { "api-gateway, two processes": twoProcesses.pid },
    },
    databaseName: database.name,
    databaseUrl: database.url,
    async seed(count) {
      await seedCatalogue(database.url, count);
      await removeCacheKeys(prefix);
      return count;
    },
    notes: [],
  };
}

/** POSTs products and their stock rows through the API, a few at a time, bounded in time. */
async function seedThroughApi(gatewayUrl: string, count: number, budgetMs: number) {
  const current = (await (await fetch(`${gatewayUrl}/api/products`)).json()) as unknown[];
  let next = current.length;
  const start = performance.now();
  const post = async (path: string, body: unknown) => {
    const response = await fetch(`${gatewayUrl}${path}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    if (response.status !== 201) throw new Error(`POST ${path}: ${response.status}`);
    return (await response.json()) as { id: number };
  };
  const worker = async () => {
    while (next < count && performance.now() - start < budgetMs) {
      next += 1;
      const product = await post("/api/products", {
        name: `Bench product ${next}`,
        description: "A product seeded by npm run bench",
        price: 1 + (next % 2000),
        category: "Bench",
      });
      await post("/api/inventory", {
        product_id: product.id,
        quantity: next % 500,
        warehouse: "A",
      });
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  return ((await (await fetch(`${gatewayUrl}/api/products`)).json()) as unknown[]).length;
}

async function startEmbedded(): Promise<Stack> {
  const [gatewayPort, productPort, inventoryPort] = (await freePorts(3)) as [
    number,
    number,
    number,
  ];
  const url = (port: number) => `http://127.0.0.1:${port}`;
  const notes = [
    "Embedded: the catalogue-size cases run on a second, fresh all-in-one process and are " +
      "seeded through the API (PGlite allows one connection), bounded in time.",
  ];
  const launch = async () => {
    const dataDir = await mkdtemp(join(tmpdir(), "stockwiz-bench-"));
    cleanups.push({
      what: `remove ${dataDir}`,
      run: () => rm(dataDir, { recursive: true, force: true }),
    });
    // As `npm start` runs it (its own defaults: every request logged), the limit raised as above.
    const service = start("all-in-one", "packages/all-in-one/src/main.ts", {
      HOST: "127.0.0.1",
      STOCKWIZ_DATA_DIR: dataDir,
      GATEWAY_PORT: String(gatewayPort),
      PRODUCT_SERVICE_PORT: String(productPort),
      INVENTORY_SERVICE_PORT: String(inventoryPort),
      RATE_LIMIT_PER_MINUTE: String(benchRateLimitPerMinute),
    });
    const coldStart = await coldStartToHealth(service, url(gatewayPort));
    return { service, coldStart };
  };
  let current = await launch();
  log(`all-in-one healthy after ${current.coldStart.toFixed(0)} ms (pid ${current.service.pid})`);
  const stack: Stack = {
    pids: { "all-in-one": current.service.pid },
    coldStartMs: { "all-in-one": current.coldStart },
    gatewayUrl: url(gatewayPort),
    productUrl: url(productPort),
    comparisons: { targets: [], pids: {} },
    async seed(count) {
      if (count === catalogueSizes[0]) {
        await current.service.stop();
        current = await launch();
        stack.pids["all-in-one"] = current.service.pid;
      }
      return seedThroughApi(url(gatewayPort), count, 240_000);
    },
    notes,
  };
  return stack;
}

/**
 * The ceiling servers (bench/ceiling-server.ts): bare Fastify, and, when the stack shares a
 * Redis, bare Fastify waiting for the cache generation as served copies must. Their rows run
 * like any GET row.
 */
async function startCeilings(
  withRedis: boolean,
): Promise<{ targets: Target[]; pids: Record<string, number> }> {
  const redisPrefix = newRedisKeyPrefix("bench");
  const kinds: Array<{ name: string; label: string; env: Record<string, string> }> = [
    { name: "fastify ceiling", label: ceilingLabels.fastify, env: {} },
  ];
  if (withRedis) {
    cleanups.push({
      what: "remove the ceiling's Redis keys",
      run: () => removeCacheKeys(redisPrefix),
    });
    kinds.push({
      name: "generation ceiling",
      label: ceilingLabels.generation,
      env: { REDIS_URL: redisUrl, REDIS_KEY_PREFIX: redisPrefix },
    });
  }
  const ports = await freePorts(kinds.length);
  // Built like the services, so that no server of the run pays for tsx and the others do not.
  const ceilingBundle = await bundleEntry(
    join(repoRoot, "bench", "ceiling-server.ts"),
    join(benchBuildDir, "ceiling", "index.mjs"),
  );
  const targets: Target[] = [];
  const pids: Record<string, number> = {};
  for (const [index, kind] of kinds.entries()) {
    const port = ports[index] as number;
    const server = start("ceiling", ceilingBundle, { ...kind.env, PORT: String(port) });
    await waitForOutput(server, "ceiling ready");
    targets.push({ label: kind.label, url: `http://127.0.0.1:${port}/` });
    pids[kind.name] = server.pid;
  }
  return { targets, pids };
}

/**
 * The three functions as the serverless stages deploy them, started one at a time on a
 * database of their own that a first start migrated.
 */
async function lambdaColdStarts(): Promise<LambdaColdStart[]> {
  const lambdaDir = join(benchBuildDir, "lambda-build");
  await bundleLambdas(serviceNames, lambdaDir);
  const database = await createScratchDatabase("bench");
  cleanups.push({ what: `drop ${database.name}`, run: () => database.drop() });
  const env = {
    LOG_LEVEL: "warn",
    DATABASE_URL: database.url,
    // The gateway's function serves the dashboard from its own folder, as its stack sets.
    STOCKWIZ_WEB_DIST: join(lambdaDir, "lambda", "api-gateway", "web"),
  };
  await measureLambdaColdStarts(join(lambdaDir, "lambda"), ["product-service"], env, 1);
  const starts = values.quick ? 2 : 5;
  const lambdas = await measureLambdaColdStarts(
    join(lambdaDir, "lambda"),
    serviceNames,
    { ...env, DB_MIGRATE_ON_START: "false" },
    starts,
  );
  log(`\n${lambdaTable(lambdas)}\n`);
  return lambdas;
}

/**
 * Issue 17's rows, after the load rows (they add reservations, and every GET row must see the
 * five seed rows only): on the separate processes only, as they seed in SQL, not in a quick
 * run, and with wrk, as they are a wrk script.
 */
async function reservationRows(
  stack: Stack,
  watch: Record<string, number>,
): Promise<ReservationBench | undefined> {
  const wanted =
    only === undefined || Object.values(reservationLabels).some((label) => label.includes(only));
  if (stack.databaseUrl === undefined || values.quick || !wanted) return undefined;
  if (generator.name !== "wrk") {
    stack.notes.push("The reservation rows need wrk: not measured.");
    return undefined;
  }
  log("reservations: one hot item, then 1,000 items, then commit and release latency");
  return measureReservations(
    stack.gatewayUrl,
    stack.databaseUrl,
    { generator, duration, warmSeconds: 2, operations: 500 },
    watch,
    { pids: stack.pids, database: stack.databaseName },
  );
}

async function main(): Promise<void> {
  const started = new Date();
  log(
    `StockWiz bench: ${values.embedded ? "embedded all-in-one" : "separate processes"}, ` +
      `${connections} connections, ${duration} s per row`,
  );
  log(`load: ${generator.description}`);
  // Another tenant of the machine (tests, builds) skews every row: say how busy it was before.
  const busyBefore = await machineBusy(2_000);
  cleanups.push({
    what: `remove ${benchBuildDir}`,
    run: () => rm(benchBuildDir, { recursive: true, force: true }),
  });
  log(`machine CPU busy before the run: ${(busyBefore * 100).toFixed(0)} %`);
  if (values.lambda) {
    await lambdaColdStarts();
    log(lambdaMethod);
    return;
  }
  const stack = values.embedded ? await startEmbedded() : await startSeparate();
  const [baselinePort] = (await freePorts(1)) as [number];
  const baseline = start("baseline", "bench/baseline-server.ts", { PORT: String(baselinePort) });
  await waitForOutput(baseline, "baseline ready");
  const ceilings = await startCeilings(!values.embedded);

  const rssAfterStart: Record<string, number> = {};
  for (const [name, pid] of Object.entries(stack.pids))
    rssAfterStart[name] = (await rssMiB(pid)) ?? Number.NaN;

  const gw = stack.gatewayUrl;
  const baselineTarget: Target = {
    label: "baseline node:http (100-byte JSON)",
    url: `http://127.0.0.1:${baselinePort}/`,
  };
  const rows: Target[] = [
    baselineTarget,
    ...ceilings.targets,
    { label: "gateway GET /api/products/1", url: `${gw}/api/products/1` },
    ...stack.comparisons.targets,
    { label: "product service GET /products/1", url: `${stack.productUrl}/products/1` },
    { label: "gateway GET /api/products", url: `${gw}/api/products` },
    { label: "gateway GET /api/inventory", url: `${gw}/api/inventory` },
    { label: "gateway GET /api/products-full (warm)", url: `${gw}/api/products-full` },
    { label: "gateway GET /health", url: `${gw}/health` },
    {
      label: "gateway POST /api/products",
      url: `${gw}/api/products`,
      method: "POST",
      body: JSON.stringify({
        name: "Bench product",
        description: "Created by npm run bench",
        price: 19.99,
        category: "Bench",
      }),
    },
  ];
  const targets = rows.filter(
    (target) => only === undefined || target === baselineTarget || target.label.includes(only),
  );
  // The POST row is warmed just before it runs, so every GET row sees the five seed rows only.
  const warmSettings = { generator, connections, duration: values.quick ? 1 : 2 };
  log("warming every GET path");
  for (const target of targets) if (target.method !== "POST") await warm(target, warmSettings);

  const watch = { ...stack.pids, baseline: baseline.pid };
  // The host's speed drifts by tens of percent within a run (nothing the guest can see: no
  // steal time is reported), so each row is measured in slices alternating with the baseline,
  // and the GET rows in several rounds. The POST row runs once, last: it adds products, and
  // every GET row must see the five seed rows only.
  const rowSettings = { generator, connections, duration, slices, database: stack.databaseName };
  const logRow = (result: LoadResult) =>
    log(
      `${result.label}: ${result.reqPerSec.toFixed(0)} req/s, p50 ${result.p50} ms, ` +
        `p99 ${result.p99} ms, non-2xx ${result.non2xx}, errors ${result.errors}` +
        (result.interleaved === undefined
          ? ""
          : `, interleaved baseline ${result.interleaved.baselineReqPerSec.toFixed(0)} req/s`),
    );
  const alone = async (target: Target) => {
    await pause(500);
    const result = await measure(target, { generator, connections, duration }, watch);
    logRow(result);
    return result;
  };
  const interleaved = async (target: Target) => {
    await pause(500);
    const result = await measureInterleaved(target, baselineTarget, rowSettings, watch, {
      ...stack.pids,
      ...ceilings.pids,
      ...stack.comparisons.pids,
    });
    logRow(result);
    return result;
  };
  const getRows = targets.filter((t) => t.method !== "POST" && t !== baselineTarget);
  const postRows = targets.filter((t) => t.method === "POST");

  const loads: LoadResult[] = [await alone(baselineTarget)];
  const byRow = new Map<Target, LoadResult[]>(getRows.map((t) => [t, []]));
  for (let round = 1; round <= rounds; round += 1) {
    if (rounds > 1) log(`round ${round} of ${rounds}`);
    for (const target of getRows) byRow.get(target)?.push(await interleaved(target));
  }
  for (const target of getRows) loads.push(mergeRounds(byRow.get(target) ?? []));
  for (const target of postRows) {
    await warm(target, warmSettings);
    loads.push(await interleaved(target));
  }
  loads.push(await alone({ ...baselineTarget, label: "baseline again, at the end (drift check)" }));
  const reservations = await reservationRows(stack, watch);
  if (reservations !== undefined) log(`\n${reservationTables(reservations)}\n`);
  if (only !== undefined) {
    log(`\n${loadTable({ loads, machine: machine() })}\n`);
    if (reservations !== undefined) log(`${goalTable({ loads, reservations })}\n`);
    if (!onlyMixed) return;
    await stack.seed(10_000);
  }

  const catalogue: SequentialResult[] = [];
  let gatewayRssAfter10k: number | undefined;
  const gatewayName = values.embedded ? "all-in-one" : "api-gateway";
  for (const size of onlyMixed ? [] : catalogueSizes) {
    log(`seeding ${size.toLocaleString("en-US")} products`);
    const products = await stack.seed(size);
    if (products !== size)
      stack.notes.push(`The ${size}-product case held ${products} products (seeding bound).`);
    const result = await sequential(
      `${size.toLocaleString("en-US")} products`,
      products,
      `${gw}/api/products-full?force_refresh=true`,
      { count: sequentialRequests, budgetMs: 90_000 },
      { [gatewayName]: stack.pids[gatewayName] as number },
    );
    catalogue.push(result);
    log(
      `${result.label}: first ${result.firstMs.toFixed(0)} ms, p50 ${result.p50.toFixed(1)} ms, ` +
        `max ${result.max.toFixed(1)} ms over ${result.requests} requests, non-2xx ${result.non2xx}`,
    );
    if (size === 10_000) gatewayRssAfter10k = await rssMiB(stack.pids[gatewayName] as number);
  }

  // Issue 16's rows run on the separate processes only: the embedded stack is seeded through
  // its API, too slowly for these sizes.
  let mixed: MixedWorkload | undefined;
  let largeCatalogue: LargeCatalogueCase[] | undefined;
  if (!values.embedded && generator.name !== "wrk") {
    // The mix is a wrk script.
    stack.notes.push("The mixed workload needs wrk: not measured.");
  } else if (!values.embedded) {
    log("mixed workload on the 10,000-product catalogue");
    mixed = await measureMixedWorkload(gw, 10_000, { generator, connections, duration }, watch, {
      pids: stack.pids,
      database: stack.databaseName,
    });
    log(`\n${mixedTable(mixed)}\n`);
  }
  if (onlyMixed) return;
  if (!(values.embedded || values.quick)) {
    largeCatalogue = [];
    for (const size of largeCatalogueSizes) {
      log(`seeding ${size.toLocaleString("en-US")} products`);
      await stack.seed(size);
      largeCatalogue.push(
        await measureLargeCatalogue(gw, size, {
          name: gatewayName,
          pid: stack.pids[gatewayName] as number,
        }),
      );
    }
    log(`\n${largeCatalogueTable(largeCatalogue)}\n`);
  }

  const report: BenchReport = {
    mode: values.embedded ? "embedded all-in-one" : "separate processes",
    settings: values.embedded
      ? `npm start's defaults, RATE_LIMIT_PER_MINUTE raised to ${benchRateLimitPerMinute.toLocaleString("en-US")}`
      : `the environment the ECS task sets (stacks/config/service-environment.ts): ${shippedSettings()}`,
    loadGenerator: generator.description,
    connections,
    duration,
    slices,
    rounds,
    date: started.toISOString(),
    machine: machine(),
    versions: {
      Node: process.version,
      ...(values.embedded
        ? { PGlite: packageVersion("@electric-sql/pglite"), Redis: "none (in-process cache)" }
        : { PostgreSQL: await postgresVersion(), Redis: await redisVersion() }),
      StockWiz: gitState(),
    },
    loads,
    catalogue,
    busyBefore,
    coldStartMs: stack.coldStartMs,
    rssAfterStart,
    gatewayRssAfter10k,
    mixed,
    largeCatalogue,
    reservations,
    lambdas: values.embedded ? undefined : await lambdaColdStarts(),
    notes: stack.notes,
  };
  log(`\n${loadTable(report)}\n\n${catalogueTable(report)}\n\n${processTable(report)}\n`);
  log(`${goalTable(report)}\n`);
  if (output !== undefined) {
    await writeFile(resolve(repoRoot, output), markdown(report));
    log(`wrote ${output}`);
  }
}

try {
  await main();
} catch (error) {
  process.exitCode = 1;
  log(`bench failed: ${(error as Error).stack ?? error}`);
} finally {
  await cleanUp();
}
