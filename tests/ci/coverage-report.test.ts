import { describe, expect, it } from "vitest";
import { coverageReport } from "../../scripts/ci/coverage-report.ts";

const totals = (pct: number) => ({ total: 200, covered: pct * 2, pct });

describe("coverageReport", () => {
  it("when every metric meets its threshold then there is no shortfall and the table shows them", () => {
    const summary = {
      total: {
        lines: totals(91),
        statements: totals(90),
        functions: totals(85),
        branches: totals(75),
      },
    };

    const report = coverageReport(summary, { lines: 80, branches: 70 });

    expect(report.shortfalls).toEqual([]);
    expect(report.markdown).toContain("| lines | 91% | 182/200 | 80% | ✅ |");
    expect(report.markdown).toContain("| functions | 85% | 170/200 | — | ✅ |");
  });

  it("when a metric is under its threshold then it is named and marked", () => {
    const summary = {
      total: {
        lines: totals(79.5),
        statements: totals(90),
        functions: totals(85),
        branches: totals(75),
      },
    };

    const report = coverageReport(summary, { lines: 80 });

    expect(report.shortfalls).toEqual(["lines coverage 79.5% is under the 80% threshold"]);
    expect(report.markdown).toContain("| lines | 79.5% | 159/200 | 80% | ❌ |");
  });

  it("when nothing was measured then it counts as zero rather than passing", () => {
    const summary = { total: { lines: { total: 0, covered: 0, pct: "Unknown" as const } } };

    expect(coverageReport(summary, { lines: 1 }).shortfalls).toEqual([
      "lines coverage 0% is under the 1% threshold",
    ]);
  });
});
