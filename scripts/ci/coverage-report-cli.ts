import { appendFile, readFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import {
  type CoverageSummary,
  type CoverageThresholds,
  coverageMetrics,
  coverageReport,
} from "./coverage-report.ts";

// Writes the coverage table to the GitHub job summary (stdout elsewhere) and
// exits 1 when a metric is under its threshold, so CI fails on it.
const { values } = parseArgs({
  options: {
    summary: { type: "string", default: "coverage/coverage-summary.json" },
    lines: { type: "string" },
    statements: { type: "string" },
    functions: { type: "string" },
    branches: { type: "string" },
  },
});

const thresholds: CoverageThresholds = {};
for (const metric of coverageMetrics) {
  const value = values[metric];
  if (value !== undefined) thresholds[metric] = Number(value);
}

const summary = JSON.parse(await readFile(values.summary, "utf8")) as CoverageSummary;
const { markdown, shortfalls } = coverageReport(summary, thresholds);
const jobSummary = process.env.GITHUB_STEP_SUMMARY;
if (jobSummary) await appendFile(jobSummary, `${markdown}\n`);
console.log(markdown);
for (const shortfall of shortfalls) console.error(shortfall);
process.exitCode = shortfalls.length > 0 ? 1 : 0;
