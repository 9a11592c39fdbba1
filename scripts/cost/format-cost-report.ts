import type { CostReport } from "./cost-report.ts";

const usd = (amount: number) => amount.toFixed(2);
const count = (value: number) =>
  Number.isInteger(value) ? String(value) : value >= 10 ? value.toFixed(0) : value.toPrecision(2);
/** Amount first, so that long names never push a column out of line. */
const row = (marker: string, amount: string, text: string) =>
  `${marker.padEnd(2)}${amount.padStart(9)}   ${text}`;

/** The report as text; its last line is exactly `<stage>: $<amount>/month idle`. */
export function formatCostReport(report: CostReport): string[] {
  const items = [...report.items].sort((a, b) => b.monthlyUsd - a.monthlyUsd);
  const lines = [
    `StockWiz ${report.stage}: us-east-1 list prices as of ${report.asOf}, ${report.hoursPerMonth} h a month, no free tier`,
    "",
    row("", "$/month", "Idle: no user traffic; schedules and health checks still run (~ estimate)"),
    ...items.map((item) =>
      row(
        item.estimate ? "~" : "",
        usd(item.monthlyUsd),
        `${item.item} — ${count(item.quantity)} × ${item.unit}`,
      ),
    ),
    row("", usd(report.idleMonthlyUsd), "idle total"),
    "",
    row("", "$/1M req", "Per million requests on top of idle"),
    ...report.marginal.map((item) =>
      row("", usd(item.perMillionUsd), `${item.item} (${item.assumption})`),
    ),
    row("", usd(report.perMillionRequestsUsd), "per million requests"),
    "",
    "Not priced",
    ...report.unpriced.map(
      (group) =>
        `  ${group.free ? "no charge " : "NOT PRICED"}  ${group.type} ×${group.count}: ${group.reason}`,
    ),
  ];
  const estimated = items.filter((item) => item.estimate);
  if (estimated.length > 0) {
    lines.push("", "~ Estimates: usage the templates cannot state");
    lines.push(...estimated.map((item) => `  ${item.item}: ${item.estimate}`));
  }
  if (report.warnings.length > 0) {
    lines.push("", "Warnings", ...report.warnings.map((warning) => `  ${warning}`));
  }
  lines.push("", `${report.stage}: $${usd(report.idleMonthlyUsd)}/month idle`);
  return lines;
}
