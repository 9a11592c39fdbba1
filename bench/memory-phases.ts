// Issue 16's memory points, without the whole bench: the three bundles started as the bench
// starts them (shippedEnvironment, so the task's NODE_OPTIONS), memory read at each point from
// /proc and from inside each process (bench/memory-probe.mjs, loaded with --import, appends
// process.memoryUsage() and V8's heap spaces to /tmp/mem/<service>.jsonl on SIGWINCH).
//   npx tsx bench/memory-phases.ts                       start, load rows, 10k mixed, 1M stream
//   PHASES=start,rows,mixed EXTRA_NODE_OPTIONS=... ENV  also: ab (a second gateway with EXTRA_B,
//   merged reads alternating between the two; A_DEFAULT=1 runs A without the task's NODE_OPTIONS)
// Each wrk run is short (SECS, 4 s by default; the mixed rows 8 s).
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { setTimeout as pause } from "node:timers/promises";
import { fileURLToPath } from "node:url";
import { ensureWebBuild } from "@stockwiz/web";
import { bundleServices } from "../scripts/bundle-services.ts";
import type { AppServiceKey } from "../stacks/config/resource-names.ts";
import { freePorts } from "../tests/kit/free-ports.ts";
import { launchNode, repoRoot } from "../tests/kit/process/launch.ts";
import { waitForHealth } from "../tests/kit/process/wait-for-health.ts";
import { createScratchDatabase } from "../tests/kit/stores/scratch-database.ts";
import { newRedisKeyPrefix, redisUrl, removeCacheKeys } from "../tests/kit/stores/scratch-redis.ts";
import { rssMiB, sampleRss } from "./lib/process-usage.ts";
import { seedCatalogue } from "./lib/seed-catalogue.ts";
import { shippedEnvironment } from "./lib/shipped-environment.ts";

const phases = (process.env.PHASES ?? "start,rows,mixed,stream").split(",");
const secs = Number(process.env.SECS ?? "4");
const extra = process.env.EXTRA_NODE_OPTIONS ?? "";
const dir = "/tmp/mem";
mkdirSync(dir, { recursive: true });
const probeScript = fileURLToPath(new URL("./memory-probe.mjs", import.meta.url));
const log = (s: string) => process.stdout.write(`${s}\n`);
const bundles = (await bundleServices(
  ["api-gateway", "product-service", "inventory-service"],
  join(repoRoot, "dist", "mem"),
)) as string[];
await ensureWebBuild();
const db = await createScratchDatabase("mem");
const prefix = newRedisKeyPrefix("mem");
const [g, p, i] = (await freePorts(3)) as [number, number, number];
const placement = {
  ports: { apiGateway: g, productService: p, inventoryService: i },
  databaseUrl: db.url,
  redisUrl,
  redisKeyPrefix: prefix,
};
const procs: Array<{ name: string; svc: ReturnType<typeof launchNode> }> = [];
const keys: Array<[string, AppServiceKey, number]> = [
  ["product-service", "productService", 1],
  ["inventory-service", "inventoryService", 2],
  ["api-gateway", "apiGateway", 0],
];
try {
  for (const [name, key, idx] of keys) {
    const env = shippedEnvironment(key, placement);
    if (process.env.A_DEFAULT === "1") delete env.NODE_OPTIONS;
    const nodeOptions = [env.NODE_OPTIONS ?? "", `--import=${probeScript}`, extra].join(" ").trim();
    const svc = launchNode(bundles[idx] as string, {
      name,
      env: {
        ...env,
        NODE_OPTIONS: nodeOptions,
        MEM_PROBE_NAME: name,
        ...(process.env.EXTRA_ENV ? JSON.parse(process.env.EXTRA_ENV) : {}),
        MEM_SNAPSHOT: name === "api-gateway" ? (process.env.SNAP ?? "0") : "0",
      },
      keepLastChars: 20_000,
      killAfterMs: 15_000,
    });
    await waitForHealth(svc, `http://127.0.0.1:${placement.ports[key]}`, {
      intervalMs: 20,
      timeoutMs: 60_000,
    });
    procs.push({ name, svc });
    log(`${name} pid ${svc.pid} NODE_OPTIONS=${nodeOptions}`);
  }
  const pids = Object.fromEntries(procs.map((x) => [x.name, x.svc.pid]));
  const probe = async (label: string) => {
    writeFileSync(`${dir}/label`, label);
    for (const x of procs) process.kill(x.svc.pid, "SIGWINCH");
    await pause(process.env.SNAP === "1" ? 8000 : 300);
    const rss: string[] = [];
    for (const x of procs) rss.push(`${x.name}=${(await rssMiB(x.svc.pid))?.toFixed(0)}`);
    log(`[${label}] RSS ${rss.join(" ")}`);
  };
  const cpuTicks = (pid: number) => {
    const f = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
    return Number(f[11]) + Number(f[12]);
  };
  const lastCpu: Record<string, number> = {};
  const resetCpu = () => {
    for (const x of procs) lastCpu[x.name] = cpuTicks(x.svc.pid);
  };
  const wrk = (url: string, s = secs, script?: string, env: Record<string, string> = {}) => {
    const args = [
      "-t1",
      "-c32",
      `-d${s}s`,
      "--latency",
      "-s",
      script ?? join(repoRoot, "bench", "wrk-report.lua"),
      url,
    ];
    resetCpu();
    const r = spawnSync("wrk", args, {
      encoding: "utf8",
      env: { ...process.env, WRK_REPORT_SCRIPT: join(repoRoot, "bench", "wrk-report.lua"), ...env },
    });
    const line = /^\{.*\}$/m.exec(r.stdout)?.[0];
    const j = line
      ? JSON.parse(line)
      : { requests: 0, duration_us: 1, status_errors: -1, p99_us: 0 };
    const rps = j.requests / (j.duration_us / 1e6);
    const cpu = procs.map((x) => {
      const now = cpuTicks(x.svc.pid);
      const d = now - (lastCpu[x.name] ?? 0);
      lastCpu[x.name] = now;
      return `${x.name.split("-")[0]}=${((d * 10000) / j.requests).toFixed(0)}µs`;
    });
    log(
      `  wrk ${url.replace(/http:\/\/127.0.0.1:\d+/, "")} ${s}s: ${rps.toFixed(0)} req/s p99 ${(j.p99_us / 1000).toFixed(1)}ms non2xx ${j.status_errors} cpu/req ${cpu.join(" ")}`,
    );
    return rps;
  };
  await probe("after start");
  const gw = `http://127.0.0.1:${g}`;
  if (phases.includes("rows")) {
    for (const path of [
      `${gw}/api/products/1`,
      `http://127.0.0.1:${p}/products/1`,
      `${gw}/api/products`,
      `${gw}/api/inventory`,
      `${gw}/api/products-full`,
      `${gw}/health`,
    ])
      wrk(path);
    await probe("after rows");
  }
  if (phases.includes("ab")) {
    if (process.env.AB_SEED) {
      await seedCatalogue(db.url, Number(process.env.AB_SEED));
      await removeCacheKeys(prefix);
    }
    // A second gateway with EXTRA_B instead of EXTRA_NODE_OPTIONS; merged reads alternate between them.
    const [b] = (await freePorts(1)) as [number];
    const env = shippedEnvironment("apiGateway", {
      ...placement,
      ports: { ...placement.ports, apiGateway: b },
    });
    const nodeOptions = [
      env.NODE_OPTIONS ?? "",
      `--import=${probeScript}`,
      process.env.EXTRA_B ?? "",
    ]
      .join(" ")
      .trim();
    const svc = launchNode(bundles[0] as string, {
      name: "gateway-b",
      env: {
        ...env,
        NODE_OPTIONS: nodeOptions,
        MEM_PROBE_NAME: "gateway-b",
        ...(process.env.ENV_B ? JSON.parse(process.env.ENV_B) : {}),
      },
      keepLastChars: 20_000,
      killAfterMs: 15_000,
    });
    await waitForHealth(svc, `http://127.0.0.1:${b}`, { intervalMs: 20, timeoutMs: 60_000 });
    procs.push({ name: "gateway-b", svc });
    log(`gateway-b NODE_OPTIONS=${nodeOptions}`);
    const path = process.env.AB_PATH ?? "/api/products/1";
    wrk(`${gw}${path}`, 2);
    wrk(`http://127.0.0.1:${b}${path}`, 2);
    const ra: number[] = [];
    const rb: number[] = [];
    for (let k = 0; k < Number(process.env.PAIRS ?? "4"); k++) {
      if (k % 2 === 0) {
        ra.push(wrk(`${gw}${path}`));
        rb.push(wrk(`http://127.0.0.1:${b}${path}`));
      } else {
        rb.push(wrk(`http://127.0.0.1:${b}${path}`));
        ra.push(wrk(`${gw}${path}`));
      }
    }
    const med = (x: number[]) => [...x].sort((m, n) => m - n)[Math.floor(x.length / 2)] ?? 0;
    log(
      `A median ${med(ra).toFixed(0)} req/s, B median ${med(rb).toFixed(0)} req/s, B/A ${(med(rb) / med(ra)).toFixed(3)}; ratios per pair ${rb.map((v, k) => (v / (ra[k] ?? 1)).toFixed(3)).join(" ")}`,
    );
    await probe("after ab");
  }
  if (phases.includes("merged")) {
    const n = Number(process.env.REPEAT ?? "3");
    for (let k = 0; k < n; k++) wrk(`${gw}/api/products/1`, secs);
    await probe("after merged");
  }
  if (phases.includes("mixed")) {
    await seedCatalogue(db.url, 10_000);
    await removeCacheKeys(prefix);
    for (let k = 0; k < 3; k++)
      await (await fetch(`${gw}/api/products-full?force_refresh=true`)).arrayBuffer();
    await probe("after 10k seed");
    const rounds = Number(process.env.MIXED_ROUNDS ?? "2");
    for (let k = 0; k < rounds; k++)
      wrk(`${gw}/`, 8, join(repoRoot, "bench", "wrk-mixed.lua"), {
        WRK_PRODUCTS: "10000",
        WRK_CATALOGUE_SHARE: process.env.MIX_SHARE ?? "0.1",
      });
    await probe("after mixed");
    await pause(5000);
    await probe("5 s after mixed");
  }
  if (phases.includes("stream")) {
    const t0 = Date.now();
    await seedCatalogue(db.url, 1_000_000);
    await removeCacheKeys(prefix);
    log(`seeded 1M in ${Date.now() - t0} ms`);
    const sampler = sampleRss(pids, 100);
    for (let k = 0; k < 3; k++) {
      const t = Date.now();
      const r = await fetch(`${gw}/api/products-full?force_refresh=true`);
      const b = await r.arrayBuffer();
      log(
        `  stream ${r.status} ${(b.byteLength / 1048576).toFixed(0)} MiB in ${Date.now() - t} ms`,
      );
    }
    const s = await sampler.stop();
    log(`stream peak RSS ${JSON.stringify(s.peak)}`);
    await probe("after stream");
  }
  if (process.env.HOLD) {
    log("holding");
    await pause(Number(process.env.HOLD) * 1000);
  }
} finally {
  for (const x of procs.reverse()) await x.svc.stop();
  await removeCacheKeys(prefix);
  await db.drop();
}
