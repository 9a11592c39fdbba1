import { describe, expect, it } from "vitest";
import { goalTable } from "../../bench/lib/goal-table.ts";
import type { LoadResult } from "../../bench/lib/load.ts";
import type { OperationLatency } from "../../bench/lib/operation-latency.ts";
import {
  type ReservationBench,
  type ReservationRow,
  reservationLabels,
} from "../../bench/lib/reservation-rows.ts";
import { reservationTables } from "../../bench/lib/reservation-tables.ts";
import { checkOf } from "./goal-check.ts";

const load = (label: string, created: number, refused: number): LoadResult => ({
  label,
  // 8 s of answers.
  reqPerSec: (created + refused) / 8,
  p50: 60,
  p99: 180,
  total: created + refused,
  bytesPerRequest: 700,
  non2xx: refused,
  errors: 0,
  timeouts: 0,
  rssPeak: {},
  rssAfter: { "api-gateway": 110, "product-service": 95, "inventory-service": 120 },
  cpuPerRequestUs: { "inventory-service": 900, PostgreSQL: 700, "api-gateway": 300 },
  answers: { created, refused, other: 0 },
});

const row = (label: string, created: number, refused: number, problems: string[] = []) =>
  ({
    label,
    load: load(label, created, refused),
    check: { held: created, stock: 8_000, problems },
  }) satisfies ReservationRow;

const operation = (label: string, p50: number): OperationLatency => ({
  label,
  requests: 500,
  p50,
  p99: p50 * 4,
  max: p50 * 10,
  unexpected: 0,
  cpuPerRequestUs: { "inventory-service": 1_500, PostgreSQL: 1_000 },
});

const bench = (hot: ReservationRow): ReservationBench => ({
  hot,
  distinct: row(reservationLabels.distinct, 9_600, 0),
  commit: operation("commit", 4),
  release: operation("release", 3),
});

describe("the reservation tables", () => {
  it("when the hot item sold out then its row shows the rate of 201s, their share and the units held of the stock", () => {
    const tables = reservationTables(bench(row(reservationLabels.hot, 8_000, 2_000)));
    expect(tables).toContain(
      `| ${reservationLabels.hot} | 1,250 | 1,000 | 80 % | 60.0 ms | 180 ms | 8,000 · 2,000 · 0 · 0 | yes: 8,000 of 8,000 units held | 1900: inventory-service 900 · PostgreSQL 700 · api-gateway 300 | api-gateway 110 MiB · product-service 95 MiB · inventory-service 120 MiB |`,
    );
    expect(tables).toContain(
      "| commit | 500 | 4.0 ms | 16.0 ms | 40.0 ms | 0 | 2500: inventory-service 1500 · PostgreSQL 1000 |",
    );
  });

  it("when a row oversold then its cell says no and what broke", () => {
    const oversold = row(reservationLabels.hot, 8_010, 0, [
      "1 level(s) hold more than they have (worst by 10)",
    ]);
    expect(reservationTables(bench(oversold))).toContain(
      "| no: 1 level(s) hold more than they have (worst by 10) |",
    );
  });
});

describe("the reservation goals", () => {
  it("when the hot item held 1,000 a second and nothing was oversold then both goals are met", () => {
    const table = goalTable({
      loads: [],
      reservations: bench(row(reservationLabels.hot, 8_000, 2_000)),
    });
    expect(checkOf(table, "reservations on one hot item")).toEqual({
      value: "1,000/s (80 % of answers 201)",
      met: "yes",
    });
    expect(checkOf(table, "reservations never oversold")).toEqual({
      value: "held ≤ stock at every level, only 201s and 409s",
      met: "yes",
    });
  });

  it("when fast 409s carry the answers above 800/s but fewer than 800 reservations a second held then the rate goal is not met", () => {
    const table = goalTable({
      loads: [],
      reservations: bench(row(reservationLabels.hot, 4_000, 8_000)),
    });
    expect(checkOf(table, "reservations on one hot item")).toEqual({
      value: "500/s (33 % of answers 201)",
      met: "no",
    });
  });

  it("when a row oversold then the goal names the row and is not met", () => {
    const broken = row(reservationLabels.hot, 6_000, 0, ["3 answer(s) neither 201 nor 409"]);
    expect(
      checkOf(goalTable({ loads: [], reservations: bench(broken) }), "reservations never oversold"),
    ).toEqual({
      value: `${reservationLabels.hot}: 3 answer(s) neither 201 nor 409`,
      met: "no",
    });
  });

  it("when the reservations were not measured then neither goal is met nor missed", () => {
    const table = goalTable({ loads: [] });
    expect(checkOf(table, "reservations on one hot item")).toEqual({
      value: "not measured",
      met: "–",
    });
    expect(checkOf(table, "reservations never oversold")).toEqual({
      value: "not measured",
      met: "–",
    });
  });
});
