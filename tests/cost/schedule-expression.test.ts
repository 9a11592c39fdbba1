import { describe, expect, it } from "vitest";
import { runsPerMonth } from "../../scripts/cost/schedule-expression.ts";

const hours = 730;
const days = hours / 24;

describe("runs per month of an EventBridge schedule", () => {
  it("when a rate then the month divided by the period", () => {
    expect(runsPerMonth("rate(5 minutes)", hours)).toBe(8_760);
    expect(runsPerMonth("rate(1 hour)", hours)).toBe(730);
    expect(runsPerMonth("rate(1 day)", hours)).toBeCloseTo(days, 9);
  });

  it("when a cron then minutes × hours × days of the month it selects", () => {
    expect(runsPerMonth("cron(0 12 * * ? *)", hours)).toBeCloseTo(days, 9);
    expect(runsPerMonth("cron(0/15 * * * ? *)", hours)).toBeCloseTo(4 * 24 * days, 9);
    expect(runsPerMonth("cron(*/10 8-17 ? * MON-FRI *)", hours)).toBeCloseTo(
      6 * 10 * ((5 * days) / 7),
      9,
    );
    expect(runsPerMonth("cron(0 3 1,15 * ? *)", hours)).toBe(2);
    expect(runsPerMonth("cron(0 0 L * ? *)", hours)).toBe(1);
  });

  it("when a one-time schedule then none a month; when unreadable then undefined", () => {
    expect(runsPerMonth("at(2026-12-01T00:00:00)", hours)).toBe(0);
    expect(runsPerMonth("rate(0 minutes)", hours)).toBeUndefined();
    expect(runsPerMonth("every five minutes", hours)).toBeUndefined();
    expect(runsPerMonth("cron(0 12 * *)", hours)).toBeUndefined();
  });
});
