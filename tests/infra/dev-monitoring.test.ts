import { readFileSync } from "node:fs";
import path from "node:path";
import { Match, type Template } from "aws-cdk-lib/assertions";
import { beforeAll, describe, expect, it } from "vitest";
import { onlyResourceOfType, resourcesOfType } from "./cloudformation.ts";
import { synthesizeStage, testSettings } from "./synthesize-stage.ts";

// INFRA.md "Logs, alarms, notifications", stage dev.
let monitoring: Template;
let assemblyDir: string;

beforeAll(async () => {
  const dev = await synthesizeStage("dev");
  monitoring = dev.template("Monitoring");
  assemblyDir = dev.assemblyDir;
});

const alarmNamed = (name: string) => {
  const alarm = resourcesOfType(monitoring, "AWS::CloudWatch::Alarm").find(
    (a) => a.properties.AlarmName === name,
  );
  if (!alarm) throw new Error(`No alarm ${name}`);
  return alarm.properties;
};

const topicId = () => onlyResourceOfType(monitoring, "AWS::SNS::Topic").logicalId;

describe("dev alerts", () => {
  it("when synthesized then the dev-alerts topic mails the configured address", () => {
    monitoring.hasResourceProperties("AWS::SNS::Topic", { TopicName: "dev-alerts" });
    monitoring.hasResourceProperties("AWS::SNS::Subscription", {
      Protocol: "email",
      Endpoint: testSettings.alertEmail,
      TopicArn: { Ref: topicId() },
    });
  });

  it.each([
    ["dev-stockwiz-cpu-high", "AWS/ECS", "CPUUtilization", 80],
    ["dev-stockwiz-memory-high", "AWS/ECS", "MemoryUtilization", 80],
    ["dev-stockwiz-target-5xx", "AWS/ApplicationELB", "HTTPCode_Target_5XX_Count", 10],
  ])(
    "when synthesized then %s fires above its legacy threshold over 2 × 300 s",
    (name, namespace, metric, threshold) => {
      expect(alarmNamed(name)).toMatchObject({
        Namespace: namespace,
        MetricName: metric,
        ComparisonOperator: "GreaterThanThreshold",
        Threshold: threshold,
        Period: 300,
        EvaluationPeriods: 2,
      });
    },
  );

  it.each(["dev-api-gw-tg", "dev-product-svc-tg", "dev-inventory-svc-tg"])(
    "when synthesized then an unhealthy target in %s raises an alarm",
    (targetGroup) => {
      const alarm = alarmNamed(`${targetGroup}-unhealthy-hosts`);
      expect(alarm).toMatchObject({
        Namespace: "AWS/ApplicationELB",
        MetricName: "UnHealthyHostCount",
        ComparisonOperator: "GreaterThanThreshold",
        Threshold: 0,
      });
      expect(alarm.Dimensions.map((d: { Name: string }) => d.Name)).toContain("TargetGroup");
    },
  );

  it("when any alarm changes state then the dev-alerts topic is told", () => {
    const alarms = resourcesOfType(monitoring, "AWS::CloudWatch::Alarm");
    expect(alarms).toHaveLength(7);
    for (const alarm of alarms) {
      expect(alarm.properties.AlarmActions).toEqual([{ Ref: topicId() }]);
      expect(alarm.properties.OKActions).toEqual([{ Ref: topicId() }]);
    }
  });
});

describe("dev synthetic check", () => {
  const checkFunction = () =>
    resourcesOfType(monitoring, "AWS::Lambda::Function").find((f) =>
      String(f.properties.Description).startsWith("Synthetic check"),
    );

  it("when synthesized then a function runs every 5 minutes against the ALB's public address", () => {
    const fn = checkFunction();
    expect(fn?.properties.Environment.Variables.METRIC_NAMESPACE).toBe("StockWiz/dev");
    expect(JSON.stringify(fn?.properties.Environment.Variables.CHECK_BASE_URL)).toMatch(
      /http:\/\/.*EdgeLoadBalancer.*DNSName/,
    );
    monitoring.hasResourceProperties("AWS::Events::Rule", {
      ScheduleExpression: "rate(5 minutes)",
      Targets: [Match.objectLike({ Arn: { "Fn::GetAtt": [fn?.logicalId, "Arn"] } })],
    });
  });

  it("when synthesized then its code is the esbuild bundle of packages/synthetic-check", () => {
    const assetHash = checkFunction()?.properties.Code.S3Key.replace(".zip", "");
    const bundle = readFileSync(path.join(assemblyDir, `asset.${assetHash}`, "index.js"), "utf8");
    expect(bundle).toContain("HealthCheck-HTTP");
    expect(bundle).toContain("/api/products");
  });

  it("when synthesized then it may publish metrics only into StockWiz/dev", () => {
    const statements = resourcesOfType(monitoring, "AWS::IAM::Policy").flatMap(
      (policy) => policy.properties.PolicyDocument.Statement,
    );
    expect(statements).toContainEqual(
      expect.objectContaining({
        Action: "cloudwatch:PutMetricData",
        Condition: { StringEquals: { "cloudwatch:namespace": "StockWiz/dev" } },
      }),
    );
  });

  it("when HealthCheck-HTTP drops below 1 or stops arriving then an alarm fires", () => {
    expect(alarmNamed("dev-stockwiz-synthetic-check-failing")).toMatchObject({
      Namespace: "StockWiz/dev",
      MetricName: "HealthCheck-HTTP",
      ComparisonOperator: "LessThanThreshold",
      Threshold: 1,
      TreatMissingData: "breaching",
    });
  });
});

describe("dev dashboard", () => {
  it("when synthesized then dev-stockwiz-dashboard shows the synthetic metrics and the service", () => {
    const dashboard = onlyResourceOfType(monitoring, "AWS::CloudWatch::Dashboard").properties;
    expect(dashboard.DashboardName).toBe("dev-stockwiz-dashboard");
    const body = JSON.stringify(dashboard.DashboardBody);
    for (const metric of [
      "HealthCheck-HTTP",
      "ResponseTime-HTTP",
      "CPUUtilization",
      "HTTPCode_Target_5XX_Count",
    ]) {
      expect(body).toContain(metric);
    }
  });
});
