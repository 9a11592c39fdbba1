import { describe, expect, it } from "vitest";
import type { CostReport } from "../../scripts/cost/cost-report.ts";
import { priceStage } from "../../scripts/cost/price-stage.ts";
import { usEast1Prices as prices } from "../../scripts/cost/us-east-1-prices.ts";
import { type ServerlessStageOptions, serverlessStage } from "./serverless-stage-fixture.ts";

// Issue 14, item 6: any serverless stage ≤ $25/month idle.
const budget = 25;
const hours = prices.hoursPerMonth;

const price = (options: ServerlessStageOptions = {}) =>
  priceStage("pr-42", serverlessStage(options));
const itemsOf = (report: CostReport, kind: string) => report.items.filter((i) => i.kind === kind);
const usdOf = (report: CostReport, kind: string) =>
  itemsOf(report, kind).reduce((sum, item) => sum + item.monthlyUsd, 0);
const added = (options: ServerlessStageOptions) =>
  price(options).idleMonthlyUsd - price().idleMonthlyUsd;

describe("cost of the serverless stage shape (hand-made templates)", () => {
  it("when idle then the ALB and its two public IPv4 addresses are nearly all of it, within $25", () => {
    const report = price();

    const albAndAddresses = usdOf(report, "alb") + usdOf(report, "load-balancer-public-ipv4");
    expect(albAndAddresses).toBeCloseTo(hours * (0.0225 + 2 * 0.005), 6); // $23.725
    expect(itemsOf(report, "load-balancer-public-ipv4")[0]?.quantity).toBe(2);
    expect(report.idleMonthlyUsd).toBeLessThanOrEqual(budget);
    expect(report.idleMonthlyUsd - albAndAddresses).toBeLessThan(budget - albAndAddresses);
  });

  it("when Aurora Serverless v2 has min 0 ACU then compute is $0 idle and only storage is billed", () => {
    const report = price();

    const compute = itemsOf(report, "aurora-serverless");
    expect(compute).toHaveLength(1);
    expect(compute[0]?.monthlyUsd).toBe(0);
    expect(usdOf(report, "aurora-storage")).toBeCloseTo(0.1, 6);
    expect(itemsOf(report, "aurora-wake-ups")).toEqual([]);
  });

  it("when idle then no NAT, no secret, no key, and the three Lambda targets cost nothing", () => {
    const report = price();

    for (const kind of ["nat-gateway", "elastic-ip", "secret", "kms-key", "dashboards"]) {
      expect(itemsOf(report, kind)).toEqual([]);
    }
    expect(itemsOf(report, "lambda-on-demand")[0]).toMatchObject({ quantity: 3, monthlyUsd: 0 });
    expect(report.unpriced.filter((group) => !group.free)).toEqual([]);
    expect(report.warnings).toEqual([]);
  });

  it("when an interface endpoint is added in 2 AZs then idle grows by $14.60 and breaks the budget", () => {
    expect(added({ interfaceEndpointAzs: 2 })).toBeCloseTo(2 * hours * 0.01, 6);
    expect(added({ interfaceEndpointAzs: 1 })).toBeCloseTo(hours * 0.01, 6);
    expect(price({ interfaceEndpointAzs: 2 }).idleMonthlyUsd).toBeGreaterThan(budget);
  });

  it("when a NAT gateway or a dashboard is added then either alone breaks the budget", () => {
    expect(added({ natGateway: true })).toBeCloseTo(hours * (0.045 + 0.005), 6); // $36.50
    expect(added({ dashboard: true })).toBeCloseTo(3, 6);
    expect(price({ dashboard: true }).idleMonthlyUsd).toBeGreaterThan(budget);
  });

  it("when a synthetic check calls the ALB every 5 minutes then Aurora never pauses (+$43.80)", () => {
    const report = price({ syntheticCheckSchedule: "rate(5 minutes)" });

    const wakeUps = itemsOf(report, "aurora-wake-ups");
    expect(wakeUps[0]?.quantity).toBe(1);
    expect(wakeUps[0]?.monthlyUsd).toBeCloseTo(0.5 * 0.12 * hours, 6);
    expect(report.idleMonthlyUsd).toBeGreaterThan(budget);
  });

  it("when the check runs hourly then Aurora is awake 300 s of each hour (1/12 of $43.80)", () => {
    const report = price({ syntheticCheckSchedule: "rate(1 hour)" });

    expect(usdOf(report, "aurora-wake-ups")).toBeCloseTo((0.5 * 0.12 * hours) / 12, 6);
  });

  it("when a scheduled function that signs in to the database runs every minute then Aurora never pauses (+$43.80)", () => {
    const report = price({ periodicTasksSchedule: "rate(1 minute)" });

    const wakeUps = itemsOf(report, "aurora-wake-ups");
    expect(wakeUps[0]?.quantity).toBe(1);
    expect(wakeUps[0]?.item).toContain("PeriodicSchedule");
    expect(report.warnings).toEqual([]);
    expect(report.idleMonthlyUsd).toBeGreaterThan(budget);
  });

  it("when the inventory service's periodic tasks run every 12 hours, as the stages schedule them, then they add about $0.30 and stay within $25", () => {
    const report = price({ periodicTasksSchedule: "rate(12 hours)" });

    // Each run resumes Aurora for its 300 s pause delay: 2 × 300 s a day of 0.5 ACU.
    expect(usdOf(report, "aurora-wake-ups")).toBeCloseTo((0.5 * 0.12 * hours) / 144, 6);
    const runs = itemsOf(report, "lambda-periodic")[0];
    expect(runs?.quantity).toBe(Math.round(hours / 12));
    // Each run waits ~15 s for the database to resume: 16 s at 1 GB arm64, plus the request.
    expect(runs?.monthlyUsd).toBeCloseTo(
      (hours / 12) * (0.2 / 1e6 + 16 * 0.0000133334 + (1024 / 1e9) * 0.5),
      6,
    );
    expect(added({ periodicTasksSchedule: "rate(12 hours)" })).toBeLessThan(0.35);
    expect(report.idleMonthlyUsd).toBeLessThanOrEqual(budget);
  });

  it("when the Lambda target groups are health-checked then the checks keep Aurora awake", () => {
    const report = price({ lambdaHealthChecks: true });

    expect(itemsOf(report, "aurora-wake-ups")[0]?.quantity).toBe(1);
    // Two ALB nodes check each of the three targets every 35 s.
    const checks = itemsOf(report, "lambda-periodic").reduce((sum, item) => sum + item.quantity, 0);
    expect(checks).toBeCloseTo(3 * Math.round((2 * hours * 3_600) / 35), -1);
  });

  it("when RDS Proxy fronts Serverless v2 then its 8-ACU minimum costs $87.60", () => {
    expect(usdOf(price({ rdsProxy: true }), "rds-proxy")).toBeCloseTo(8 * 0.015 * hours, 6);
  });

  it("when one environment of 1024 MB arm64 is provisioned then it costs its GB-seconds", () => {
    const report = price({ provisionedConcurrency: 1 });

    expect(usdOf(report, "lambda-provisioned-concurrency")).toBeCloseTo(
      hours * 3_600 * 0.0000033334,
      6,
    );
  });

  it("when a resource type is not in the price table then it is listed, not ignored", () => {
    const report = price({
      extraServiceResources: { Table: { Type: "AWS::DynamoDB::Table", Properties: {} } },
    });

    expect(report.unpriced).toContainEqual({
      type: "AWS::DynamoDB::Table",
      count: 1,
      reason: "type not in the price table",
      free: false,
    });
    expect(report.warnings).toContain("1 resources are not priced: the total is low by their cost");
  });

  it("when a million requests come then they cost Lambda, LCUs, Aurora, logs and egress", () => {
    const report = price();
    const perMillion = (kind: string) =>
      report.marginal.find((m) => m.kind === kind)?.perMillionUsd;

    // 100 ms at 1024 MB arm64, plus the request charge.
    expect(perMillion("lambda-requests")).toBeCloseTo(0.2 + 1e6 * 0.1 * 0.0000133334, 6);
    // No keep-alive: 1M new connections / (25 per s × 3600) LCU-hours, above 3 GB / 0.4 GB.
    expect(perMillion("alb-lcu")).toBeCloseTo((1e6 / 90_000) * 0.008, 6);
    expect(perMillion("aurora-requests")).toBeGreaterThan(0);
    expect(report.perMillionRequestsUsd).toBeCloseTo(
      report.marginal.reduce((sum, m) => sum + m.perMillionUsd, 0),
      9,
    );
  });
});
