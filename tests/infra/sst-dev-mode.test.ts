import type { Template } from "aws-cdk-lib/assertions";
import { beforeAll, describe, expect, it } from "vitest";
import { resourcesOfType } from "./cloudformation.ts";
import { type SynthesizedStage, synthesizeStage, testSettings } from "./synthesize-stage.ts";

// `sst dev --stage alice`: the services run locally; AWS holds only their environment for `sst bind`.
let alice: SynthesizedStage;
let local: Template;

beforeAll(async () => {
  alice = await synthesizeStage("alice", testSettings, "dev");
  local = alice.template("LocalServices");
});

const placeholderEnvironments = () =>
  resourcesOfType(local, "AWS::Lambda::Function")
    .map((fn) => fn.properties.Environment?.Variables ?? {})
    .filter((variables) => variables.PORT !== undefined);

describe("sst dev", () => {
  it("when running sst dev then nothing of the cloud deployment is created: no VPC, cluster or ALB", () => {
    for (const type of [
      "AWS::EC2::VPC",
      "AWS::ECS::Service",
      "AWS::ElasticLoadBalancingV2::LoadBalancer",
    ]) {
      local.resourceCountIs(type, 0);
    }
    expect(() => alice.template("Service")).toThrow(/not registered/);
  });

  it("when running sst dev then each service has a placeholder holding its environment for sst bind", () => {
    const ports = placeholderEnvironments().map((variables) => variables.PORT);
    expect(ports.sort()).toEqual(["8000", "8001", "8002"]);
  });

  it("when bound then a service gets the task's wiring with localhost stores and no password", () => {
    for (const variables of placeholderEnvironments()) {
      expect(variables).toMatchObject({
        NODE_ENV: "development",
        DATABASE_URL: "postgres://postgres@localhost:5432/microservices_db",
        REDIS_URL: "redis://localhost:6379",
        PRODUCT_SERVICE_URL: "http://localhost:8001",
        INVENTORY_SERVICE_URL: "http://localhost:8002",
      });
      expect(Object.keys(variables).filter((name) => name.includes("PASSWORD"))).toEqual([]);
    }
  });

  it("when cdk-nag runs on the dev app then no error is left unsuppressed", () => {
    expect(alice.nagErrors()).toEqual([]);
  });

  it("when prod is started with sst dev then synthesis refuses", async () => {
    await expect(synthesizeStage("prod", testSettings, "dev")).rejects.toThrow(
      /cannot run under sst dev/,
    );
  });
});

describe("sst bind and sst remove", () => {
  it("when SST synthesizes in remove mode (as sst bind does) then the placeholders are there beside the stacks", async () => {
    const removing = await synthesizeStage("alice", testSettings, "remove");
    expect(placeholderCount(removing.template("LocalServices"))).toBe(3);
    expect(() => removing.template("Service")).not.toThrow();
  });
});

function placeholderCount(template: Template): number {
  return resourcesOfType(template, "AWS::Lambda::Function").filter(
    (fn) => fn.properties.Environment?.Variables?.PORT !== undefined,
  ).length;
}
