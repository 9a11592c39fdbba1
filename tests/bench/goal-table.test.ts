import { describe, expect, it } from "vitest";
import { goalTable } from "../../bench/lib/goal-table.ts";
import { nextPageUrl } from "../../bench/lib/large-catalogue.ts";
import type { LoadResult } from "../../bench/lib/load.ts";
import { mixedLabels } from "../../bench/lib/mixed-workload.ts";
import { checkOf } from "./goal-check.ts";

const load = (label: string, extra: Partial<LoadResult> = {}): LoadResult => ({
  label,
  reqPerSec: 10_000,
  p50: 2,
  p99: 20,
  total: 80_000,
  bytesPerRequest: 500,
  non2xx: 0,
  errors: 0,
  timeouts: 0,
  rssPeak: {},
  rssAfter: { "api-gateway": 120, "product-service": 100, "inventory-service": 90 },
  interleaved: { baselineReqPerSec: 40_000, sliceRatios: [0.25], roundRatios: [0.25] },
  ...extra,
});

describe("the goals table", () => {
  it("when a merged read cost the gateway and Redis 28 µs then the CPU goal is met, PostgreSQL left out", () => {
    const merged = load("gateway GET /api/products/1", {
      cpuPerRequestUs: { "api-gateway": 26, Redis: 2, PostgreSQL: 9 },
    });
    expect(checkOf(goalTable({ loads: [merged] }), "CPU per merged read")).toEqual({
      value: "28 µs",
      met: "yes",
    });
  });

  it("when the mix with products-full keeps 85 % of the rate without it but a service holds 140 MiB then the ratio is met and the memory goal not", () => {
    const mixed = {
      products: 10_000,
      withCatalogue: { label: mixedLabels.with, load: load(mixedLabels.with, { reqPerSec: 850 }) },
      withoutCatalogue: {
        label: mixedLabels.without,
        load: load(mixedLabels.without, {
          reqPerSec: 1_000,
          rssAfter: { "api-gateway": 140, "product-service": 100, "inventory-service": 90 },
        }),
      },
    };
    const table = goalTable({ loads: [], mixed });
    expect(checkOf(table, "mixed: req/s with")).toEqual({ value: "0.85", met: "yes" });
    expect(checkOf(table, "mixed: p99")).toEqual({ value: "20.0 ms", met: "yes" });
    expect(checkOf(table, "mixed: each service")).toEqual({
      value: "140 MiB (the largest)",
      met: "no",
    });
  });

  it("when a figure could not be taken then its goal says why and is neither met nor missed", () => {
    const reason = "3 of 20 answers not 2xx";
    const largeCatalogue = [
      {
        products: 1_000_000,
        firstPageP50: { failed: reason },
        laterPageP50: { value: 3 },
        streamedGatewayRss: { value: 150 },
      },
    ];
    const table = goalTable({ loads: [], largeCatalogue });
    expect(checkOf(table, "1,000,000 products")).toEqual({ value: reason, met: "–" });
    expect(checkOf(table, "streamed products-full")).toEqual({ value: "150 MiB", met: "yes" });
    expect(checkOf(table, "gateway GET /api/products/1")).toEqual({
      value: "not measured",
      met: "–",
    });
  });
});

describe("the next page of a list", () => {
  it("when the Link header names several relations then the next one is taken, resolved against the request", () => {
    const link =
      '</api/products?limit=100&cursor=1>; rel="prev", </api/products?limit=100&cursor=abc>; rel="next"';
    expect(nextPageUrl(link, "http://127.0.0.1:8000/api/products?limit=100")).toBe(
      "http://127.0.0.1:8000/api/products?limit=100&cursor=abc",
    );
    expect(nextPageUrl(null, "http://127.0.0.1:8000/")).toBeUndefined();
  });
});
