// The report's cells and tables, shared by every table the bench writes.

export const ms = (value: number) =>
  Number.isNaN(value) ? "–" : value >= 100 ? `${value.toFixed(0)} ms` : `${value.toFixed(1)} ms`;
export const mib = (value: number | undefined) =>
  value === undefined ? "–" : `${value.toFixed(0)} MiB`;
export const int = (value: number) => Math.round(value).toLocaleString("en-US");

function row(cells: string[]): string {
  return `| ${cells.join(" | ")} |`;
}

export function table(header: string[], rows: string[][]): string {
  return [row(header), row(header.map(() => "---")), ...rows.map(row)].join("\n");
}
