import type { LoadResult } from "./load.ts";
import { ratioOf } from "./load.ts";
import { mib, ms, table } from "./markdown-table.ts";
import { goals } from "./ratio-goals.ts";
import type { BenchReport } from "./report.ts";
import { reservationChecks } from "./reservation-goals.ts";
import { mixedRatio, serviceNames } from "./workload-tables.ts";

/** Issue 16's goals besides the ratios: what each figure must stay under or reach. */
export const issue16Goals = {
  cpuPerMergedReadUs: 30,
  millionPageP50Ms: 5,
  streamedGatewayRssMiB: 200,
  mixedRatio: 0.8,
  mixedP99Ms: 30,
  serviceRssAfterMixedMiB: 128,
} as const;

const mergedRow = "gateway GET /api/products/1";

export interface Check {
  goal: string;
  value: string;
  /** undefined: not measured in this run (a quick run, no wrk), or a figure not taken. */
  met: boolean | undefined;
}

/** CPU of one merged read in the gateway, the services and Redis (PostgreSQL answers none). */
export function cpuPerMergedRead(load: LoadResult): number | undefined {
  const used = Object.entries(load.cpuPerRequestUs ?? {}).filter(([name]) => name !== "PostgreSQL");
  return used.length === 0 ? undefined : used.reduce((sum, [, us]) => sum + us, 0);
}

function ratioChecks(report: Pick<BenchReport, "loads">): Check[] {
  return Object.entries(goals).map(([label, goal]) => {
    const load = report.loads.find((candidate) => candidate.label === label);
    const ratio = load === undefined ? Number.NaN : ratioOf(load);
    return {
      goal: `${label}: ratio ≥ ${goal.goal.toFixed(2)}`,
      value: Number.isNaN(ratio) ? "not measured" : ratio.toFixed(2),
      met: Number.isNaN(ratio) ? undefined : ratio >= goal.goal,
    };
  });
}

function cpuCheck(report: Pick<BenchReport, "loads">): Check {
  const load = report.loads.find((candidate) => candidate.label === mergedRow);
  const us = load === undefined ? undefined : cpuPerMergedRead(load);
  return {
    goal: `CPU per merged read (gateway, services, Redis) ≤ ${issue16Goals.cpuPerMergedReadUs} µs`,
    value: us === undefined ? "not measured" : `${us.toFixed(0)} µs`,
    met: us === undefined ? undefined : us <= issue16Goals.cpuPerMergedReadUs,
  };
}

function largeChecks(report: Pick<BenchReport, "largeCatalogue">): Check[] {
  const million = report.largeCatalogue?.find((c) => c.products === 1_000_000);
  const pages = million === undefined ? [] : [million.firstPageP50, million.laterPageP50];
  const pageValues = pages.flatMap((page) => ("value" in page ? [page.value] : []));
  const pageMissing = pages.find((page) => "failed" in page);
  const rss = (report.largeCatalogue ?? []).map((c) => c.streamedGatewayRss);
  const rssValues = rss.flatMap((figure) => ("value" in figure ? [figure.value] : []));
  const rssMissing = rss.find((figure) => "failed" in figure);
  return [
    {
      goal: `1,000,000 products: list page p50 < ${issue16Goals.millionPageP50Ms} ms (first and later)`,
      value:
        pageMissing !== undefined && "failed" in pageMissing
          ? pageMissing.failed
          : pageValues.length === 0
            ? "not measured"
            : pageValues.map(ms).join(", "),
      met:
        pageMissing !== undefined || pageValues.length === 0
          ? undefined
          : pageValues.every((value) => value < issue16Goals.millionPageP50Ms),
    },
    {
      goal: `streamed products-full: gateway peak RSS < ${issue16Goals.streamedGatewayRssMiB} MiB`,
      value:
        rssMissing !== undefined && "failed" in rssMissing
          ? rssMissing.failed
          : rssValues.length === 0
            ? "not measured"
            : rssValues.map((value) => mib(value)).join(", "),
      met:
        rssMissing !== undefined || rssValues.length === 0
          ? undefined
          : rssValues.every((value) => value < issue16Goals.streamedGatewayRssMiB),
    },
  ];
}

function mixedChecks(report: Pick<BenchReport, "mixed">): Check[] {
  const mixed = report.mixed;
  const loads = mixed === undefined ? [] : [mixed.withCatalogue.load, mixed.withoutCatalogue.load];
  const ratio = mixed === undefined ? undefined : mixedRatio(mixed);
  const p99 = loads.length === 0 ? undefined : Math.max(...loads.map((load) => load.p99));
  const rss = loads.flatMap((load) => serviceNames.map((name) => load.rssAfter[name] ?? 0));
  const worstRss = rss.length === 0 ? undefined : Math.max(...rss);
  return [
    {
      goal: `mixed: req/s with ÷ without products-full ≥ ${issue16Goals.mixedRatio}`,
      value: ratio === undefined ? "not measured" : ratio.toFixed(2),
      met: ratio === undefined ? undefined : ratio >= issue16Goals.mixedRatio,
    },
    {
      goal: `mixed: p99 < ${issue16Goals.mixedP99Ms} ms (both mixes)`,
      value: p99 === undefined ? "not measured" : ms(p99),
      met: p99 === undefined ? undefined : p99 < issue16Goals.mixedP99Ms,
    },
    {
      goal: `mixed: each service's RSS after ≤ ${issue16Goals.serviceRssAfterMixedMiB} MiB`,
      value: worstRss === undefined ? "not measured" : `${mib(worstRss)} (the largest)`,
      met: worstRss === undefined ? undefined : worstRss <= issue16Goals.serviceRssAfterMixedMiB,
    },
  ];
}

/** Every goal of issues 16 and 17 with this run's figure and whether it is met. */
export function goalTable(
  report: Pick<BenchReport, "loads" | "mixed" | "largeCatalogue" | "reservations">,
): string {
  const checks = [
    ...ratioChecks(report),
    cpuCheck(report),
    ...largeChecks(report),
    ...mixedChecks(report),
    ...reservationChecks(report.reservations),
  ];
  return table(
    ["goal", "this run", "met?"],
    checks.map((check) => [
      check.goal,
      check.value,
      check.met === undefined ? "–" : check.met ? "yes" : "no",
    ]),
  );
}
