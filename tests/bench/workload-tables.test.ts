import { describe, expect, it } from "vitest";
import type { LoadResult } from "../../bench/lib/load.ts";
import { mixedLabels } from "../../bench/lib/mixed-workload.ts";
import { largeCatalogueTable, mixedTable } from "../../bench/lib/workload-tables.ts";

const load: LoadResult = {
  label: mixedLabels.without,
  reqPerSec: 1_234,
  p50: 4,
  p99: 25,
  total: 9_872,
  bytesPerRequest: 600,
  non2xx: 0,
  errors: 0,
  timeouts: 0,
  rssPeak: {},
  rssAfter: { "api-gateway": 130, "product-service": 110, "inventory-service": 95 },
  cpuPerRequestUs: { "product-service": 400, PostgreSQL: 500, Redis: 0.4 },
};

describe("the mixed workload's table", () => {
  it("when both mixes ran then each row has its figures and the ratio is the one's req/s over the other's", () => {
    const table = mixedTable({
      products: 10_000,
      withCatalogue: {
        label: mixedLabels.with,
        load: { ...load, label: mixedLabels.with, reqPerSec: 987 },
      },
      withoutCatalogue: { label: mixedLabels.without, load },
    });
    expect(table).toContain(`| ${mixedLabels.with} | 987 |`);
    expect(table).toContain(
      `| ${mixedLabels.without} | 1,234 | 4.0 ms | 25.0 ms | 0 | 0 | 900: PostgreSQL 500 · product-service 400 | api-gateway 130 MiB · product-service 110 MiB · inventory-service 95 MiB |`,
    );
    expect(table).toContain("With ÷ without products-full: 0.80.");
  });
});

describe("the large catalogues' table", () => {
  it("when a figure could not be taken then its cell holds the reason", () => {
    const table = largeCatalogueTable([
      {
        products: 1_000_000,
        firstPageP50: { value: 3.2 },
        laterPageP50: { value: 3.9 },
        streamedGatewayRss: { failed: "1 of 3 answers not 2xx" },
      },
    ]);
    expect(table).toContain("| 1,000,000 | 3.2 ms | 3.9 ms | 1 of 3 answers not 2xx |");
  });
});
