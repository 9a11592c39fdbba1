import { describe, expect, it } from "vitest";
import { type ListPrice, usEast1Prices } from "../../scripts/cost/us-east-1-prices.ts";
import { usageAssumptions } from "../../scripts/cost/usage-assumptions.ts";

/** Every `{ usd, unit, source }` in a nested table, with its path. */
function listPrices(value: unknown, path = ""): [string, ListPrice][] {
  if (typeof value !== "object" || value === null) return [];
  if ("usd" in value) return [[path, value as ListPrice]];
  return Object.entries(value).flatMap(([key, inner]) => listPrices(inner, `${path}.${key}`));
}

describe("the us-east-1 price table", () => {
  it("when read then it states the date its figures hold for and a 730-hour month", () => {
    expect(usEast1Prices.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(usEast1Prices.region).toBe("us-east-1");
    expect(usEast1Prices.hoursPerMonth).toBe(730);
  });

  it("when read then every price names its unit and the AWS pricing page it comes from", () => {
    const entries = listPrices(usEast1Prices);

    expect(entries.length).toBeGreaterThan(40);
    for (const [path, price] of entries) {
      expect(price.usd, path).toBeGreaterThanOrEqual(0);
      expect(price.unit, path).not.toBe("");
      expect(price.source, path).toMatch(/^https:\/\/aws\.amazon\.com\/[a-z0-9/-]+\/$/);
    }
  });

  it("when Graviton and x86 are both listed then arm64 is the cheaper", () => {
    const { fargate, lambda } = usEast1Prices;

    expect(fargate.armVcpuHour.usd).toBeLessThan(fargate.x86VcpuHour.usd);
    expect(fargate.armGbHour.usd).toBeLessThan(fargate.x86GbHour.usd);
    expect(lambda.armGbSecond.usd).toBeLessThan(lambda.x86GbSecond.usd);
  });

  it("when an assumption is used then it says what it rests on", () => {
    const assumptions = listAssumptions(usageAssumptions);

    for (const [path, assumption] of assumptions) {
      expect(assumption.basis, path).not.toBe("");
      expect(Number.isFinite(assumption.value), path).toBe(true);
    }
  });
});

function listAssumptions(value: unknown, path = ""): [string, { value: number; basis: string }][] {
  if (typeof value !== "object" || value === null) return [];
  if ("basis" in value) return [[path, value as { value: number; basis: string }]];
  return Object.entries(value).flatMap(([key, inner]) => listAssumptions(inner, `${path}.${key}`));
}
