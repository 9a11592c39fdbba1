import type { Template } from "aws-cdk-lib/assertions";
import { beforeAll, describe, expect, it } from "vitest";
import { deploySettingsFromEnv } from "../../stacks/config/deploy-settings.ts";
import { resourcesOfType } from "./cloudformation.ts";
import { type SynthesizedStage, synthesizeStage, testSettings } from "./synthesize-stage.ts";

// Issue 14, item 4: `sst dev --stage alice` deploys the stage's ALB and its functions as Live
// Lambda stubs: a request to the real ALB runs in the developer's process, on local stores.
let alice: SynthesizedStage;
let service: Template;

beforeAll(async () => {
  alice = await synthesizeStage("alice", testSettings, "dev");
  service = alice.template("Service");
});

const stockwizFunctions = () =>
  resourcesOfType(service, "AWS::Lambda::Function").filter((fn) =>
    String(fn.properties.FunctionName ?? "").startsWith("alice-stockwiz-"),
  );

describe("sst dev on a personal stage", () => {
  it("when running sst dev then the ALB and its three rules are deployed, and no database", () => {
    service.resourceCountIs("AWS::ElasticLoadBalancingV2::LoadBalancer", 1);
    service.resourceCountIs("AWS::ElasticLoadBalancingV2::ListenerRule", 2);
    expect(() => alice.template("Data")).toThrow(/not registered/);
    for (const type of ["AWS::RDS::DBCluster", "AWS::ECS::Service"]) {
      service.resourceCountIs(type, 0);
    }
  });

  it("when running sst dev then each handler is a Live Lambda stub that forwards to the developer's process", () => {
    const functions = stockwizFunctions();
    expect(functions.map((fn) => fn.properties.FunctionName).sort()).toEqual([
      "alice-stockwiz-api-gateway",
      "alice-stockwiz-inventory-periodic",
      "alice-stockwiz-inventory-service",
      "alice-stockwiz-product-service",
    ]);
    for (const fn of functions) {
      expect(fn.properties.Handler).toBe("live-lambda.handler");
      expect(fn.properties.Environment.Variables.SST_FUNCTION_ID).toBeDefined();
      // The stub reaches AWS IoT, the bridge to the developer's machine: not from a VPC without NAT.
      expect(fn.properties.VpcConfig).toBeUndefined();
    }
  });

  it("when a service runs locally then it uses the developer's PostgreSQL and migrates it on start", () => {
    for (const name of [
      "alice-stockwiz-product-service",
      "alice-stockwiz-inventory-service",
      "alice-stockwiz-inventory-periodic",
    ]) {
      const fn = stockwizFunctions().find((f) => f.properties.FunctionName === name);
      const variables = fn?.properties.Environment.Variables;
      expect(variables).toMatchObject({
        NODE_ENV: "development",
        DATABASE_URL: "postgres://postgres@localhost:5432/microservices_db",
      });
      expect(variables.DB_IAM_AUTH).toBeUndefined();
      expect(variables.DB_MIGRATE_ON_START).toBeUndefined();
    }
  });

  it("when the gateway runs locally then it still calls the services by their function URLs, and builds the dashboard from source", () => {
    const gateway = stockwizFunctions().find(
      (f) => f.properties.FunctionName === "alice-stockwiz-api-gateway",
    );
    const variables = gateway?.properties.Environment.Variables;
    expect(variables.PRODUCT_SERVICE_URL["Fn::GetAtt"][1]).toBe("FunctionUrl");
    expect(variables.STOCKWIZ_WEB_DIST).toBeUndefined();
  });

  it("when cdk-nag runs on the dev app then no error is left unsuppressed", () => {
    expect(alice.nagErrors()).toEqual([]);
  });

  it.each(["dev", "prod"])(
    "when %s is started with sst dev then synthesis refuses",
    async (stage) => {
      await expect(synthesizeStage(stage, testSettings, "dev")).rejects.toThrow(
        /cannot run under sst dev/,
      );
    },
  );
});

describe("the developer's database", () => {
  it("when STOCKWIZ_DEV_DATABASE_URL names another PostgreSQL then the local functions use it", async () => {
    const url = "postgres://me:secret@127.0.0.1:5433/stockwiz";
    const bob = await synthesizeStage("bob", { ...testSettings, devDatabaseUrl: url }, "dev");
    const product = resourcesOfType(bob.template("Service"), "AWS::Lambda::Function").find(
      (fn) => fn.properties.FunctionName === "bob-stockwiz-product-service",
    );
    expect(product?.properties.Environment.Variables.DATABASE_URL).toBe(url);
  });

  it("when STOCKWIZ_DEV_DATABASE_URL is not a PostgreSQL URL then the settings are refused", () => {
    expect(() =>
      deploySettingsFromEnv({
        STOCKWIZ_ALERT_EMAIL: "a@b.test",
        STOCKWIZ_DEV_DATABASE_URL: "mysql://localhost/x",
      }),
    ).toThrow(/STOCKWIZ_DEV_DATABASE_URL/);
  });
});

describe("sst remove", () => {
  it("when SST synthesizes a personal stage in remove mode then every stack it may have deployed is there", async () => {
    const removing = await synthesizeStage("alice", testSettings, "remove");
    for (const name of ["Network", "Data", "Service"] as const) {
      expect(() => removing.template(name)).not.toThrow();
    }
  });
});
