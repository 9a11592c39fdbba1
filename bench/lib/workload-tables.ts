import { cpuPerRequest } from "./cpu-cells.ts";
import type { LargeCatalogueCase, Measured } from "./large-catalogue.ts";
import { int, mib, ms, table } from "./markdown-table.ts";
import type { MixedRow, MixedWorkload } from "./mixed-workload.ts";

/** The StockWiz services, whose RSS after a row the goals bound. */
export const serviceNames = ["api-gateway", "product-service", "inventory-service"] as const;

const measured = (figure: Measured, format: (value: number) => string) =>
  "value" in figure ? format(figure.value) : figure.failed;

/** req/s with products-full in the mix ÷ without: what the catalogue's share costs the rest. */
export const mixedRatio = (mixed: MixedWorkload): number =>
  mixed.withCatalogue.load.reqPerSec / mixed.withoutCatalogue.load.reqPerSec;

function mixedCells(row: MixedRow): string[] {
  const { load } = row;
  return [
    row.label,
    int(load.reqPerSec),
    ms(load.p50),
    ms(load.p99),
    int(load.non2xx),
    int(load.errors + load.timeouts),
    cpuPerRequest(load),
    serviceNames.map((name) => `${name} ${mib(load.rssAfter[name])}`).join(" · "),
  ];
}

export function mixedTable(mixed: MixedWorkload): string {
  return `${table(
    [
      "mix",
      "req/s",
      "p50",
      "p99",
      "non-2xx",
      "errors",
      "CPU µs per request",
      "RSS after (each service)",
    ],
    [mixedCells(mixed.withCatalogue), mixedCells(mixed.withoutCatalogue)],
  )}\n\nWith ÷ without products-full: ${mixedRatio(mixed).toFixed(2)}.`;
}

export function largeCatalogueTable(cases: readonly LargeCatalogueCase[]): string {
  return table(
    [
      "products",
      "GET /api/products?limit=100 p50",
      "a later page (Link rel=next) p50",
      "streamed GET /api/products-full: gateway peak RSS",
    ],
    cases.map((c) => [
      int(c.products),
      measured(c.firstPageP50, ms),
      measured(c.laterPageP50, ms),
      measured(c.streamedGatewayRss, (value) => mib(value)),
    ]),
  );
}
