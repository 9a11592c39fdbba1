import * as ec2 from "aws-cdk-lib/aws-ec2";
import { describe, expect, it } from "vitest";
import { deploySettingsFromEnv } from "../../stacks/config/deploy-settings.ts";
import { resourceNames } from "../../stacks/config/resource-names.ts";
import { stageConfigFor } from "../../stacks/config/stage-config.ts";
import { FixedSubnetCidrs } from "../../stacks/constructs/fixed-subnet-cidrs.ts";
import { retentionDays } from "../../stacks/constructs/retention-days.ts";
import { testSettings } from "./synthesize-stage.ts";

describe("deploy settings", () => {
  it("when the alert address is missing then settings refuse to load", () => {
    expect(() => deploySettingsFromEnv({})).toThrow(/STOCKWIZ_ALERT_EMAIL/);
  });

  it("when the alert address is not an address then settings refuse to load", () => {
    expect(() => deploySettingsFromEnv({ STOCKWIZ_ALERT_EMAIL: "oncall" })).toThrow(
      /STOCKWIZ_ALERT_EMAIL/,
    );
  });

  it("when no image tag is given then none is assumed; a tag is the commit SHA, never `latest`", () => {
    expect(deploySettingsFromEnv({ STOCKWIZ_ALERT_EMAIL: "a@b.test" }).imageTag).toBeUndefined();
    expect(
      deploySettingsFromEnv({ STOCKWIZ_ALERT_EMAIL: "a@b.test", STOCKWIZ_IMAGE_TAG: "9f8e7d6" })
        .imageTag,
    ).toBe("9f8e7d6");
    expect(() =>
      deploySettingsFromEnv({ STOCKWIZ_ALERT_EMAIL: "a@b.test", STOCKWIZ_IMAGE_TAG: "latest" }),
    ).toThrow(/immutable tag/);
    expect(() =>
      deploySettingsFromEnv({ STOCKWIZ_ALERT_EMAIL: "a@b.test", STOCKWIZ_IMAGE_TAG: "a b" }),
    ).toThrow(/STOCKWIZ_IMAGE_TAG/);
  });

  it("when AWS_REGION names another region then the stacks and their zones follow it", () => {
    const settings = deploySettingsFromEnv({
      STOCKWIZ_ALERT_EMAIL: "a@b.test",
      AWS_REGION: "eu-west-1",
    });
    expect(settings.region).toBe("eu-west-1");
    expect(stageConfigFor("dev", settings).network.availabilityZones).toEqual([
      "eu-west-1a",
      "eu-west-1b",
    ]);
    expect(deploySettingsFromEnv({ STOCKWIZ_ALERT_EMAIL: "a@b.test" }).region).toBe("us-east-1");
  });

  it("when a region lacks the default zones then STOCKWIZ_AVAILABILITY_ZONES names two of its own, and only its own", () => {
    const settings = deploySettingsFromEnv({
      STOCKWIZ_ALERT_EMAIL: "a@b.test",
      AWS_REGION: "ap-northeast-1",
      STOCKWIZ_AVAILABILITY_ZONES: "ap-northeast-1a, ap-northeast-1c",
    });
    expect(stageConfigFor("prod", settings).network.availabilityZones).toEqual([
      "ap-northeast-1a",
      "ap-northeast-1c",
    ]);
    for (const zones of ["us-east-1a,us-east-1b", "ap-northeast-1a", "ap-northeast-1a,b,c"]) {
      expect(() =>
        deploySettingsFromEnv({
          STOCKWIZ_ALERT_EMAIL: "a@b.test",
          AWS_REGION: "ap-northeast-1",
          STOCKWIZ_AVAILABILITY_ZONES: zones,
        }),
      ).toThrow(/STOCKWIZ_AVAILABILITY_ZONES/);
    }
    expect(() =>
      deploySettingsFromEnv({ STOCKWIZ_ALERT_EMAIL: "a@b.test", AWS_REGION: "mars" }),
    ).toThrow(/AWS_REGION/);
  });

  it("when a certificate comes without the host name it covers then settings refuse to load", () => {
    expect(() =>
      deploySettingsFromEnv({
        STOCKWIZ_ALERT_EMAIL: "a@b.test",
        STOCKWIZ_CERTIFICATE_ARN: "arn:aws:acm:x",
      }),
    ).toThrow(/STOCKWIZ_PUBLIC_HOSTNAME/);
  });
});

describe("stage config", () => {
  it("when the stage is dev then it carries the legacy sizes and the configured alert address", () => {
    const dev = stageConfigFor("dev", testSettings);
    expect(dev.service).toMatchObject({
      cpu: 2048,
      memoryMiB: 4096,
      desiredCount: 1,
      maxCapacity: 4,
    });
    expect(dev.network.natGateways).toBe(1);
    expect(dev.data.kind).toBe("sidecars");
    expect(dev.monitoring.alertEmail).toBe(testSettings.alertEmail);
    expect(dev.requireApiKeys).toBe(false);
  });

  it("when the stage is prod then stores are managed, tasks and NATs double, WAF and API keys are on", () => {
    const prod = stageConfigFor("prod", testSettings);
    expect(prod.data.kind).toBe("managed");
    expect(prod.service.minCapacity).toBe(2);
    expect(prod.network.natGateways).toBe(2);
    expect(prod.edge.waf).toBeDefined();
    expect(prod.requireApiKeys).toBe(true);
  });

  it("when the stage is neither dev nor prod then it is serverless under its own names: Aurora that pauses, no NAT", () => {
    for (const stage of ["alice", "pr-42"]) {
      const config = stageConfigFor(stage, testSettings);
      expect(config.shape).toBe("serverless");
      expect(config.names.appServices.apiGateway.targetGroup).toBe(`${stage}-api-gw-tg`);
      expect(config.network.natGateways).toBe(0);
      expect(config.data).toMatchObject({ kind: "aurora-serverless", minCapacityAcu: 0 });
    }
    expect(stageConfigFor("dev", testSettings).shape).toBe("fargate");
    expect(stageConfigFor("prod", testSettings).shape).toBe("fargate");
  });

  it("when names are derived then they are the legacy ones and fit AWS's 32-character target group limit", () => {
    const names = resourceNames("prod");
    expect(names.loadBalancer).toBe("prod-alb");
    expect(names.logGroup).toBe("/ecs/prod");
    expect(names.metricNamespace).toBe("StockWiz/prod");
    for (const service of Object.values(names.appServices)) {
      expect(service.targetGroup.length).toBeLessThanOrEqual(32);
    }
  });
});

describe("construct guards", () => {
  it("when a subnet tier lacks a CIDR for an AZ then the allocation fails at synth", () => {
    expect(
      () =>
        new FixedSubnetCidrs({
          vpcCidr: "10.0.0.0/16",
          availabilityZones: ["us-east-1a", "us-east-1b"],
          subnetCidrs: { [ec2.SubnetType.PUBLIC]: ["10.0.1.0/24"] },
        }),
    ).toThrow(/one CIDR per availability zone/);
  });

  it("when a retention is not one CloudWatch offers then it fails at synth", () => {
    expect(retentionDays(7)).toBe(7);
    expect(() => retentionDays(8)).toThrow(/retention/);
  });
});
