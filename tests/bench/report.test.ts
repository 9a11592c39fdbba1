import { describe, expect, it } from "vitest";
import type { LoadResult } from "../../bench/lib/load.ts";
import { mixedLabels } from "../../bench/lib/mixed-workload.ts";
import { ceilingLabels } from "../../bench/lib/ratio-goals.ts";
import { type BenchReport, lambdaTable, loadTable, markdown } from "../../bench/lib/report.ts";
import { reservationLabels } from "../../bench/lib/reservation-rows.ts";

// The report's verdicts are what the benchmark says about the goals: check them on made-up runs.

const load = (
  label: string,
  ratio: number,
  extra: Partial<LoadResult> = {},
  baselineReqPerSec = 40_000,
): LoadResult => ({
  label,
  reqPerSec: ratio * baselineReqPerSec,
  p50: 1,
  p99: 5,
  total: 100_000,
  bytesPerRequest: 300,
  non2xx: 0,
  errors: 0,
  timeouts: 0,
  rssPeak: {},
  rssAfter: {},
  interleaved: { baselineReqPerSec, sliceRatios: [ratio], roundRatios: [ratio] },
  ...extra,
});

const report = (loads: LoadResult[]): BenchReport => ({
  mode: "separate processes",
  settings: "as the ECS task sets them",
  loadGenerator: "wrk",
  connections: 32,
  duration: 8,
  slices: 4,
  rounds: 1,
  date: "2026-11-28T00:00:00Z",
  machine: { cores: 2, cpu: "test", memoryGiB: 24 },
  versions: {},
  loads,
  catalogue: [],
  busyBefore: 0,
  coldStartMs: {},
  rssAfterStart: {},
  gatewayRssAfter10k: undefined,
  notes: [],
});

/** The cells of one row of the load table, by column name. */
function rowOf(table: string, label: string): Record<string, string> {
  const lines = table.split("\n");
  const cells = (line: string) =>
    line
      .split("|")
      .slice(1, -1)
      .map((cell) => cell.trim());
  const header = cells(lines[0] ?? "");
  const line = lines.find((candidate) => cells(candidate)[0] === label);
  if (line === undefined) throw new Error(`no row ${label}`);
  return Object.fromEntries(cells(line).map((cell, index) => [header[index], cell]));
}

describe("bench report", () => {
  it("when a goal is above the ceiling of its row then the verdict says so", () => {
    const table = loadTable(
      report([
        load(ceilingLabels.fastify, 0.8),
        load(ceilingLabels.generation, 0.55),
        load("product service GET /products/1", 0.5),
        load("gateway GET /api/products", 0.45),
        load("gateway GET /health", 0.78),
      ]),
    );
    expect(rowOf(table, "product service GET /products/1")).toMatchObject({
      "its ceiling (this run)": "0.55 (generation)",
      "goal met?": "no: the goal is above its ceiling",
    });
    expect(rowOf(table, "gateway GET /api/products")["goal met?"]).toBe("no");
    expect(rowOf(table, "gateway GET /health")).toMatchObject({
      "its ceiling (this run)": "0.80 (fastify)",
      "goal met?": "yes",
    });
  });

  it("when POST is measured then its bound is the cores over the stack's CPU per request", () => {
    const post = load("gateway POST /api/products", 0.06, {
      cpuPerRequestUs: { "api-gateway": 200, "product-service": 180, PostgreSQL: 100, Redis: 20 },
    });
    const row = rowOf(loadTable(report([post])), "gateway POST /api/products");
    // 2 cores × 1,000,000 µs ÷ 500 µs per request = 4,000 req/s, over a 40,000 req/s baseline.
    expect(row["its ceiling (this run)"]).toBe("0.10 (cpu)");
    expect(row["goal met?"]).toBe("no");
    expect(row["CPU µs per request"]).toBe(
      "500: api-gateway 200 · product-service 180 · PostgreSQL 100 · Redis 20",
    );
  });

  it("when the stack's CPU per request allows less than the goal then the row needs less CPU", () => {
    const post = load("gateway POST /api/products", 0.06, {
      cpuPerRequestUs: { "api-gateway": 400, "product-service": 400 },
    });
    expect(rowOf(loadTable(report([post])), "gateway POST /api/products")["goal met?"]).toBe(
      "no: it needs less CPU per request",
    );
  });
});

describe("the load table's processes", () => {
  it("when a row ends then each StockWiz process's RSS after it is shown, the baseline server's left out", () => {
    const row = load("gateway GET /api/products/1", 0.6, {
      rssAfter: { "api-gateway": 101.4, "product-service": 90, baseline: 50 },
    });
    expect(rowOf(loadTable(report([row])), row.label)["RSS after (MiB)"]).toBe(
      "api-gateway 101 · product-service 90",
    );
  });
});

describe("the written report", () => {
  it("when a full run measured the mix and the large catalogues then the report holds them and the goals", () => {
    const text = markdown({
      ...report([load("gateway GET /api/products/1", 0.62)]),
      mixed: {
        products: 10_000,
        withCatalogue: { label: mixedLabels.with, load: load(mixedLabels.with, 0.05) },
        withoutCatalogue: { label: mixedLabels.without, load: load(mixedLabels.without, 0.06) },
      },
      largeCatalogue: [
        {
          products: 1_000_000,
          firstPageP50: { value: 2 },
          laterPageP50: { value: 3 },
          streamedGatewayRss: { value: 150 },
        },
      ],
    });
    expect(text).toContain("## Goals (issues 16 and 17)");
    expect(text).toContain("| gateway GET /api/products/1: ratio ≥ 0.60 | 0.62 | yes |");
    expect(text).toContain("## Mixed workload on 10,000 products");
    expect(text).toContain("With ÷ without products-full: 0.83.");
    expect(text).toContain("| 1,000,000 | 2.0 ms | 3.0 ms | 150 MiB |");
    expect(text).toContain("as the ECS task sets them");
  });
});

describe("the written report's reservations", () => {
  it("when the reservation rows ran then the report has their section and their goals", () => {
    const row = (label: string) => ({
      label,
      load: load(label, 0.05, { answers: { created: 2_000, refused: 0, other: 0 } }),
      check: { held: 2_000, stock: 8_000, problems: [] },
    });
    const operation = (label: string) => ({
      label,
      requests: 500,
      p50: 3,
      p99: 9,
      max: 20,
      unexpected: 0,
      cpuPerRequestUs: {},
    });
    const text = markdown({
      ...report([]),
      reservations: {
        hot: row(reservationLabels.hot),
        distinct: row(reservationLabels.distinct),
        commit: operation("commit"),
        release: operation("release"),
      },
    });
    expect(text).toContain("## Reservations (issue 17)");
    expect(text).toContain("The hot item\nholds 8,000 units, 1,000 per second of its row");
    expect(text).toContain("| release | 500 | 3.0 ms | 9.0 ms | 20.0 ms | 0 |  |");
    expect(text).toMatch(/\| reservations never oversold: .* \| yes \|/);
  });
});

describe("the Lambda table", () => {
  const lambda = (name: string, bundleBytes: number, initMs: number[]) => ({
    name,
    bundleBytes,
    bundleGzipBytes: bundleBytes / 4,
    folderBytes: bundleBytes,
    initMs,
    firstInvokeMs: [5, 7, 6],
  });

  it("when a function's median init and bundle are under the goals then both are met, and the median ignores one slow start", () => {
    const table = lambdaTable([lambda("product-service", 900_000, [250, 900, 240])]);
    expect(table).toContain("| product-service | 900 kB | 225 kB | 900 kB | 250 ms |");
    expect(table).toContain("init yes, size yes");
  });

  it("when init reaches 300 ms or the bundle 1 MB then the goal is not met", () => {
    const table = lambdaTable([
      lambda("api-gateway", 1_000_000, [300, 310, 320]),
      lambda("inventory-service", 400_000, [299, 301, 350]),
    ]);
    expect(table).toContain("init no, size no");
    expect(table).toMatch(/inventory-service .*\| init no, size yes \|/);
  });
});
