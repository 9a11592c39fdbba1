import type { Check } from "./goal-table.ts";
import { int } from "./markdown-table.ts";
import type { ReservationBench } from "./reservation-rows.ts";
import { createdPerSecond, createdShare } from "./reservation-tables.ts";

/** Issue 17's goals: reservations held per second on one hot item, and never oversold. */
export const issue17Goals = { hotReservationsPerSecond: 800 } as const;

export function reservationChecks(bench: ReservationBench | undefined): Check[] {
  const hot = bench?.hot.load;
  const rate = hot === undefined ? undefined : createdPerSecond(hot);
  const rows = bench === undefined ? [] : [bench.hot, bench.distinct];
  const broken = rows.filter((row) => row.check.problems.length > 0);
  return [
    {
      goal: `reservations on one hot item, 64 clients: ≥ ${issue17Goals.hotReservationsPerSecond} held/s (201s)`,
      value:
        hot === undefined || rate === undefined
          ? "not measured"
          : `${int(rate)}/s (${(createdShare(hot) * 100).toFixed(0)} % of answers 201)`,
      met: rate === undefined ? undefined : rate >= issue17Goals.hotReservationsPerSecond,
    },
    {
      goal: "reservations never oversold: held ≤ stock, every answer 201 or 409 (both rows)",
      value:
        bench === undefined
          ? "not measured"
          : broken.length === 0
            ? "held ≤ stock at every level, only 201s and 409s"
            : broken.map((row) => `${row.label}: ${row.check.problems.join("; ")}`).join(" / "),
      met: bench === undefined ? undefined : broken.length === 0,
    },
  ];
}
