import { cpuPerRequest } from "./cpu-cells.ts";
import type { LoadResult } from "./load.ts";
import { int, mib, ms, table } from "./markdown-table.ts";
import type { OperationLatency } from "./operation-latency.ts";
import type { ReservationBench, ReservationRow } from "./reservation-rows.ts";
import { serviceNames } from "./workload-tables.ts";

const answer = (load: LoadResult, kind: string) => load.answers?.[kind] ?? 0;

/** Reservations held per second: the row's rate of 201s. */
export const createdPerSecond = (load: LoadResult) =>
  load.total === 0 ? 0 : (load.reqPerSec * answer(load, "created")) / load.total;

/** The share of the row's answers that were 201s (0..1). */
export const createdShare = (load: LoadResult) =>
  load.total === 0 ? 0 : answer(load, "created") / load.total;

const percent = (share: number) => `${(share * 100).toFixed(share < 0.1 ? 1 : 0)} %`;

/** "yes", with the units held of the units there were, or "no" and what broke. */
export function oversoldCell({ check }: ReservationRow): string {
  return check.problems.length === 0
    ? `yes: ${int(check.held)} of ${int(check.stock)} units held`
    : `no: ${check.problems.join("; ")}`;
}

function rowCells(row: ReservationRow): string[] {
  const { load } = row;
  const answers = ["created", "refused", "other"].map((kind) => int(answer(load, kind)));
  return [
    row.label,
    int(load.reqPerSec),
    int(createdPerSecond(load)),
    percent(createdShare(load)),
    ms(load.p50),
    ms(load.p99),
    [...answers, int(load.errors + load.timeouts)].join(" · "),
    oversoldCell(row),
    cpuPerRequest(load),
    serviceNames.map((name) => `${name} ${mib(load.rssAfter[name])}`).join(" · "),
  ];
}

const operationCells = (operation: OperationLatency): string[] => [
  operation.label,
  int(operation.requests),
  ms(operation.p50),
  ms(operation.p99),
  ms(operation.max),
  int(operation.unexpected),
  cpuPerRequest(operation),
];

export function reservationTables(bench: ReservationBench): string {
  const rows = table(
    [
      "row",
      "answers/s",
      "reservations/s (201s)",
      "201 share",
      "p50",
      "p99",
      "201 · 409 · other · unanswered",
      "never oversold?",
      "CPU µs per request",
      "RSS after (each service)",
    ],
    [rowCells(bench.hot), rowCells(bench.distinct)],
  );
  const operations = table(
    ["operation (one at a time)", "requests", "p50", "p99", "max", "not 200", "CPU µs per request"],
    [operationCells(bench.commit), operationCells(bench.release)],
  );
  return `${rows}\n\n${operations}`;
}
