import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import type { CostReport, LineItem } from "../../scripts/cost/cost-report.ts";
import { priceStage } from "../../scripts/cost/price-stage.ts";
import type { StackTemplate } from "../../scripts/cost/stage-index.ts";
import { usEast1Prices as prices } from "../../scripts/cost/us-east-1-prices.ts";
import { repositoryRoot, synthesizeStage } from "../infra/synthesize-stage.ts";

const run = promisify(execFile);
const hours = prices.hoursPerMonth;
const stackNames = ["Network", "Registry", "Data", "Service", "Monitoring"] as const;

async function synthesizedTemplates(stage: string): Promise<StackTemplate[]> {
  const synthesized = await synthesizeStage(stage);
  return stackNames.map((name) => ({
    stackName: `${stage}-stockwiz-${name}`,
    template: synthesized.template(name).toJSON(),
  }));
}

const only = (report: CostReport, kind: string): LineItem => {
  const found = report.items.filter((item) => item.kind === kind);
  if (found.length !== 1) throw new Error(`Expected one ${kind} item, found ${found.length}`);
  return found[0] as LineItem;
};

// Free by nature, each with its reason in free-resource-types.ts; a new type must be decided.
const freeInBothStages = [
  "AWS::EC2::InternetGateway",
  "AWS::EC2::Route",
  "AWS::EC2::RouteTable",
  "AWS::EC2::SecurityGroup",
  "AWS::EC2::SecurityGroupEgress",
  "AWS::EC2::SecurityGroupIngress",
  "AWS::EC2::Subnet",
  "AWS::EC2::SubnetRouteTableAssociation",
  "AWS::EC2::VPC",
  "AWS::EC2::VPCGatewayAttachment",
  "AWS::Events::Rule",
  "AWS::IAM::Policy",
  "AWS::IAM::Role",
  "AWS::Lambda::Permission",
  "AWS::S3::BucketPolicy",
  "AWS::SNS::Subscription",
  "AWS::SNS::TopicPolicy",
];
const freeInProdOnly = [
  "AWS::ElastiCache::SubnetGroup",
  "AWS::RDS::DBSubnetGroup",
  "AWS::SecretsManager::SecretTargetAttachment",
];

let dev: CostReport;
let prod: CostReport;

beforeAll(async () => {
  dev = priceStage("dev", await synthesizedTemplates("dev"));
  prod = priceStage("prod", await synthesizedTemplates("prod"));
});

describe("cost of the legacy Fargate stages (synthesized templates)", () => {
  it("when priced then each idle total is the sum of its line items", () => {
    for (const report of [dev, prod]) {
      const sum = report.items.reduce((total, item) => total + item.monthlyUsd, 0);
      expect(report.idleMonthlyUsd).toBeCloseTo(sum, 9);
    }
  });

  it("when dev is priced then its ALB and two public IPv4 addresses come to $23.73", () => {
    const alb = only(dev, "alb");
    const addresses = only(dev, "load-balancer-public-ipv4");

    expect(alb.monthlyUsd).toBeCloseTo(0.0225 * hours, 9);
    expect(addresses.quantity).toBe(2);
    expect(alb.monthlyUsd + addresses.monthlyUsd).toBeCloseTo(23.725, 9);
  });

  it("when dev is priced then one NAT gateway and its EIP, two in prod", () => {
    expect(only(dev, "nat-gateway")).toMatchObject({ quantity: 1 });
    expect(only(dev, "nat-gateway").monthlyUsd).toBeCloseTo(0.045 * hours, 9);
    expect(only(dev, "elastic-ip").monthlyUsd).toBeCloseTo(0.005 * hours, 9);
    expect(only(prod, "nat-gateway")).toMatchObject({ quantity: 2 });
    expect(only(prod, "elastic-ip")).toMatchObject({ quantity: 2 });
  });

  it("when dev is priced then one arm64 task of 2 vCPU and 4 GB at Graviton rates, two in prod", () => {
    const armTaskMonth = (2 * 0.03238 + 4 * 0.00356) * hours;

    expect(only(dev, "fargate")).toMatchObject({ quantity: 1 });
    expect(only(dev, "fargate").unit).toContain("arm64, 2 vCPU, 4 GB");
    expect(only(dev, "fargate").monthlyUsd).toBeCloseTo(armTaskMonth, 9);
    expect(only(prod, "fargate")).toMatchObject({ quantity: 2 });
    expect(only(prod, "fargate").monthlyUsd).toBeCloseTo(2 * armTaskMonth, 9);
  });

  it("when prod is priced then RDS Multi-AZ, gp3, Redis nodes and WAF are as the table says", () => {
    expect(only(prod, "rds-instance").monthlyUsd).toBeCloseTo(0.13 * hours, 9);
    expect(only(prod, "rds-storage")).toMatchObject({ quantity: 50 });
    expect(only(prod, "rds-storage").monthlyUsd).toBeCloseTo(50 * 0.23, 9);
    expect(only(prod, "elasticache-nodes")).toMatchObject({ quantity: 2 });
    expect(only(prod, "elasticache-nodes").monthlyUsd).toBeCloseTo(2 * 0.032 * hours, 9);
    expect(only(prod, "waf").monthlyUsd).toBeCloseTo(5 + 2 * 1, 9);
    expect(only(prod, "secret")).toMatchObject({ quantity: 2 });
  });

  it("when monitoring is priced then alarms, the dashboard, the key and the check's metrics count", () => {
    // 7 declared alarms and 2 per target-tracking policy (CPU, memory).
    expect(only(dev, "alarms")).toMatchObject({ quantity: 11 });
    expect(only(dev, "dashboards").monthlyUsd).toBe(3);
    // The alerts topic's key and the stock events topic's key.
    expect(only(dev, "kms-key").monthlyUsd).toBe(2);
    expect(only(dev, "custom-metrics")).toMatchObject({ quantity: 2 });
    // The synthetic check every 5 minutes: 12 runs an hour.
    expect(only(dev, "lambda-periodic").quantity).toBe(12 * hours);
  });

  it("when priced then nothing is left unpriced but types that cost nothing, each with a reason", () => {
    for (const [report, expected] of [
      [dev, freeInBothStages],
      [prod, [...freeInBothStages, ...freeInProdOnly]],
    ] as const) {
      expect(report.unpriced.filter((group) => !group.free)).toEqual([]);
      expect(report.unpriced.map((group) => group.type).sort()).toEqual([...expected].sort());
      expect(report.warnings).toEqual([]);
    }
  });

  it("when compared then every serverless budget is far below dev's figure", () => {
    expect(dev.idleMonthlyUsd).toBeGreaterThan(100);
    expect(prod.idleMonthlyUsd).toBeGreaterThan(dev.idleMonthlyUsd);
  });

  it("when `npm run cost -- dev` synthesizes the stage itself then its last line is dev's figure", async () => {
    const { stdout } = await run(
      process.execPath,
      ["--import", "tsx", "scripts/cost/cli.ts", "dev"],
      {
        cwd: repositoryRoot,
        maxBuffer: 16 * 1024 * 1024,
      },
    );

    const lines = stdout.trimEnd().split("\n");
    expect(lines.at(-1)).toBe(`dev: $${dev.idleMonthlyUsd.toFixed(2)}/month idle`);
  }, 300_000);
});
