/** The four totals vitest's `json-summary` reporter writes to coverage-summary.json. */
export const coverageMetrics = ["lines", "statements", "functions", "branches"] as const;
export type CoverageMetric = (typeof coverageMetrics)[number];

export type CoverageThresholds = Partial<Record<CoverageMetric, number>>;

interface MetricTotals {
  readonly total: number;
  readonly covered: number;
  readonly pct: number | "Unknown";
}

export type CoverageSummary = Readonly<
  Record<string, Partial<Record<CoverageMetric, MetricTotals>>>
>;

export interface CoverageReport {
  readonly markdown: string;
  /** One sentence per metric under its threshold; empty when all pass. */
  readonly shortfalls: readonly string[];
}

/** Renders the totals as a job-summary table and names every metric under its threshold. */
export function coverageReport(
  summary: CoverageSummary,
  thresholds: CoverageThresholds,
): CoverageReport {
  const totals = summary.total ?? {};
  const shortfalls: string[] = [];
  const rows = coverageMetrics.map((metric) => {
    const measured = totals[metric];
    // An empty run reports "Unknown"; that is no coverage, not a pass.
    const pct = typeof measured?.pct === "number" ? measured.pct : 0;
    const threshold = thresholds[metric];
    const passes = threshold === undefined || pct >= threshold;
    if (!passes) shortfalls.push(`${metric} coverage ${pct}% is under the ${threshold}% threshold`);
    const counts = measured ? `${measured.covered}/${measured.total}` : "0/0";
    const target = threshold === undefined ? "—" : `${threshold}%`;
    return `| ${metric} | ${pct}% | ${counts} | ${target} | ${passes ? "✅" : "❌"} |`;
  });
  const markdown = [
    "### Test coverage",
    "",
    "| metric | covered | count | threshold | |",
    "|---|---|---|---|---|",
    ...rows,
    "",
  ].join("\n");
  return { markdown, shortfalls };
}
