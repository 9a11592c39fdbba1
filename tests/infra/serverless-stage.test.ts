import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Template } from "aws-cdk-lib/assertions";
import { beforeAll, describe, expect, it } from "vitest";
import { migrationNames } from "../../packages/core/src/db/migrate-to-latest.ts";
import { appServiceKeys } from "../../stacks/config/resource-names.ts";
import {
  type CfnValue,
  onlyResourceOfType,
  referencedLogicalId,
  resourcesOfType,
} from "./cloudformation.ts";
import { type StackName, type SynthesizedStage, synthesizeStage } from "./synthesize-stage.ts";

// Issue 14, item 3: every stage but dev and prod runs the handlers as Lambda targets of the same
// listener rules, on a database that pauses, without NAT, for a few dollars a month idle.
const stage = "pr-42";
const stacks: StackName[] = ["Network", "Data", "Service"];

let pr: SynthesizedStage;
let service: Template;
let data: Template;

beforeAll(async () => {
  pr = await synthesizeStage(stage);
  service = pr.template("Service");
  data = pr.template("Data");
});

const everyResource = () =>
  stacks.flatMap((name) =>
    Object.entries<CfnValue>(pr.template(name).toJSON().Resources).map(([logicalId, resource]) => ({
      stack: name,
      logicalId,
      resource,
    })),
  );

/** The function a stack names `<stage>-stockwiz-<name>`, with its logical id. */
function functionNamed(template: Template, name: string) {
  const found = resourcesOfType(template, "AWS::Lambda::Function").find(
    (fn) => fn.properties.FunctionName === `${stage}-stockwiz-${name}`,
  );
  if (!found) throw new Error(`No function ${name}`);
  return found;
}

const functionsConfig = () => {
  if (pr.config.shape !== "serverless") throw new Error(`${stage} should be serverless`);
  return pr.config.functions;
};
const variables = (fn: { properties: CfnValue }) => fn.properties.Environment.Variables;
const services = ["product-service", "inventory-service"] as const;
const databaseFunctions = () => [
  ...services.map((name) => functionNamed(service, name)),
  functionNamed(service, "inventory-periodic"),
  functionNamed(data, "migrate"),
];

describe("the listener rules, with Lambda targets", () => {
  it("when synthesized then there are three lambda target groups under the contract's names, not health-checked", () => {
    const groups = resourcesOfType(service, "AWS::ElasticLoadBalancingV2::TargetGroup");
    expect(groups.map((group) => group.properties.Name).sort()).toEqual(
      appServiceKeys.map((key) => pr.config.names.appServices[key].targetGroup).sort(),
    );
    for (const group of groups) {
      expect(group.properties.TargetType).toBe("lambda");
      // Each check would be an invocation, and would keep the paused database awake.
      expect(group.properties.HealthCheckEnabled).toBe(false);
    }
  });

  it("when a request arrives then rules 100 and 200 and the default action reach the product, inventory and gateway functions", () => {
    const groupFunction = (groupId: string) => {
      const group = service.toJSON().Resources[groupId].Properties;
      return referencedLogicalId(group.Targets[0].Id);
    };
    const groupNamed = (name: string) =>
      resourcesOfType(service, "AWS::ElasticLoadBalancingV2::TargetGroup").find(
        (group) => group.properties.Name === name,
      )?.logicalId as string;
    const { names } = pr.config;
    for (const key of ["productService", "inventoryService"] as const) {
      const { route, targetGroup, function: functionName } = names.appServices[key];
      const rule = resourcesOfType(service, "AWS::ElasticLoadBalancingV2::ListenerRule").find(
        (r) => r.properties.Priority === route?.priority,
      );
      expect(rule?.properties.Conditions).toEqual([
        { Field: "path-pattern", PathPatternConfig: { Values: route?.pathPatterns } },
      ]);
      const forwardedTo = referencedLogicalId(rule?.properties.Actions[0].TargetGroupArn);
      expect(forwardedTo).toBe(groupNamed(targetGroup));
      expect(groupFunction(forwardedTo as string)).toBe(
        functionNamed(service, functionName.replace(`${stage}-stockwiz-`, "")).logicalId,
      );
    }
    const listener = onlyResourceOfType(service, "AWS::ElasticLoadBalancingV2::Listener");
    expect(listener.properties.Port).toBe(80);
    const defaultGroup = referencedLogicalId(listener.properties.DefaultActions[0].TargetGroupArn);
    expect(defaultGroup).toBe(groupNamed(names.appServices.apiGateway.targetGroup));
    expect(groupFunction(defaultGroup as string)).toBe(
      functionNamed(service, "api-gateway").logicalId,
    );
    const permissions = resourcesOfType(service, "AWS::Lambda::Permission").filter(
      (permission) => permission.properties.Principal === "elasticloadbalancing.amazonaws.com",
    );
    expect(permissions).toHaveLength(3);
  });

  it("when the stage is deployed then its public URL is an output", () => {
    expect(service.toJSON().Outputs.PublicUrl.Value["Fn::Join"][1][0]).toBe("http://");
  });
});

describe("the functions", () => {
  it("when SST records the app then each stack's SSTMetadata lists its SST Functions, so the console shows them and their logs", () => {
    const metadataOf = (template: Template) => {
      const value = template.toJSON().Outputs.SSTMetadata.Value;
      const text = value["Fn::Join"][1]
        .map((part: CfnValue) => (typeof part === "string" ? part : '"ref"'))
        .join("")
        .replaceAll('""ref""', '"ref"');
      return JSON.parse(text).metadata as { id: string; type: string; data: CfnValue }[];
    };
    const functions = metadataOf(service).filter((construct) => construct.type === "Function");
    expect(functions.map((fn) => [fn.id, fn.data.handler]).sort()).toEqual([
      ["ApiGateway", "packages/api-gateway/src/lambda.handler"],
      ["InventoryPeriodicTasks", "packages/inventory-service/src/periodic.handler"],
      ["InventoryService", "packages/inventory-service/src/lambda.handler"],
      ["ProductService", "packages/product-service/src/lambda.handler"],
    ]);
    expect(
      metadataOf(data)
        .map((construct) => construct.type)
        .sort(),
    ).toEqual(["Function", "Script"]);
  });

  it("when a function runs then it is Node.js 24 on arm64, its concurrency reserved, SST's own functions included on Node.js 24", () => {
    for (const name of ["api-gateway", ...services]) {
      const fn = functionNamed(service, name).properties;
      expect(fn.Architectures).toEqual(["arm64"]);
      expect(fn.ReservedConcurrentExecutions).toBe(functionsConfig().reservedConcurrency);
      expect(fn.TracingConfig).toBeUndefined();
    }
    const runtimes = everyResource()
      .filter(({ resource }) => resource.Type === "AWS::Lambda::Function")
      .map(({ resource }) => resource.Properties.Runtime);
    expect([...new Set(runtimes)]).toEqual(["nodejs24.x"]);
  });

  it("when the services open the database then connections are bounded: 2 per instance, 10 instances per function, 1 for the scheduled one", () => {
    for (const name of [...services, "inventory-periodic"]) {
      expect(variables(functionNamed(service, name))).toMatchObject({
        DB_POOL_MAX: "2",
        DB_MIGRATE_ON_START: "false",
      });
    }
    const functions = functionsConfig();
    expect(services.length * functions.reservedConcurrency * functions.dbPoolMax).toBe(40);
    expect(
      functionNamed(service, "inventory-periodic").properties.ReservedConcurrentExecutions,
    ).toBe(1);
  });

  it("when a function signs in to PostgreSQL then it uses an IAM token over verified TLS, and no password exists in its configuration", () => {
    for (const fn of databaseFunctions()) {
      const env = variables(fn);
      expect(env).toMatchObject({
        DB_IAM_AUTH: "true",
        DB_USER: "stockwiz_app",
        PGSSLMODE: "verify-full",
        PGSSLROOTCERT: "/var/task/certs/rds-ca-bundle.pem",
      });
      expect(Object.keys(env).filter((name) => /PASSWORD|SECRET/.test(name))).toEqual([]);
      expect(env.DATABASE_URL).toBeUndefined();
    }
  });

  it("when a database function is bundled then the RDS CA bundle PGSSLROOTCERT names is inside it", () => {
    for (const fn of databaseFunctions()) {
      const zip = String(fn.properties.Code.S3Key);
      const bundle = path.join(
        pr.assemblyDir,
        `asset.${zip.replace(/\.zip$/, "")}`,
        "certs/rds-ca-bundle.pem",
      );
      expect(existsSync(bundle), fn.logicalId).toBe(true);
      expect(readFileSync(bundle, "utf8")).toContain("-----BEGIN CERTIFICATE-----");
    }
  });

  it("when a function may connect then its role allows rds-db:connect as the app user only", () => {
    for (const fn of databaseFunctions()) {
      const roleId = referencedLogicalId(fn.properties.Role);
      const template = fn.logicalId.startsWith("Migrate") ? data : service;
      const statements = resourcesOfType(template, "AWS::IAM::Policy")
        .filter((policy) => policy.properties.Roles.some((role: CfnValue) => role.Ref === roleId))
        .flatMap((policy) => policy.properties.PolicyDocument.Statement);
      const connect = statements.filter((s: CfnValue) => s.Action === "rds-db:connect");
      expect(connect).toHaveLength(1);
      expect(JSON.stringify(connect[0].Resource)).toMatch(/:dbuser:.*\/stockwiz_app"\]\]\}$/);
    }
  });

  it("when the gateway calls a service then it goes by that service's function URL, from outside the VPC", () => {
    const gateway = functionNamed(service, "api-gateway").properties;
    expect(gateway.VpcConfig).toBeUndefined();
    const urls = resourcesOfType(service, "AWS::Lambda::Url");
    expect(urls.map((url) => url.properties.AuthType)).toEqual(["NONE", "NONE"]);
    const urlOf = (name: string) =>
      urls.find(
        (url) =>
          referencedLogicalId(url.properties.TargetFunctionArn) ===
          functionNamed(service, name).logicalId,
      )?.logicalId;
    expect(gateway.Environment.Variables.PRODUCT_SERVICE_URL).toEqual({
      "Fn::GetAtt": [urlOf("product-service"), "FunctionUrl"],
    });
    expect(gateway.Environment.Variables.INVENTORY_SERVICE_URL).toEqual({
      "Fn::GetAtt": [urlOf("inventory-service"), "FunctionUrl"],
    });
    expect(gateway.Environment.Variables.TRUST_PROXY_HOPS).toBe("1");
    for (const name of services) {
      expect(functionNamed(service, name).properties.VpcConfig.SubnetIds).toHaveLength(2);
    }
  });
});

// Issue 17: in quiet stretches no write runs the inventory service's periodic tasks on its target.
describe("the scheduled function for the inventory service's periodic tasks", () => {
  const periodic = () => functionNamed(service, "inventory-periodic");

  it("when synthesized then one EventBridge rule invokes it at the configured rate, without retries", () => {
    const rules = resourcesOfType(service, "AWS::Events::Rule");
    expect(rules).toHaveLength(1);
    const rule = rules[0]?.properties;
    expect(functionsConfig().periodicTasksEveryMinutes).toBe(720);
    expect(rule.ScheduleExpression).toBe("rate(12 hours)");
    expect(rule.State).toBe("ENABLED");
    expect(rule.Targets).toHaveLength(1);
    expect(referencedLogicalId(rule.Targets[0].Arn)).toBe(periodic().logicalId);
    expect(rule.Targets[0].RetryPolicy).toMatchObject({ MaximumRetryAttempts: 0 });
    const permissions = resourcesOfType(service, "AWS::Lambda::Permission").filter(
      (permission) => permission.properties.Principal === "events.amazonaws.com",
    );
    expect(permissions).toHaveLength(1);
    expect(referencedLogicalId(permissions[0]?.properties.FunctionName)).toBe(periodic().logicalId);
    expect(referencedLogicalId(permissions[0]?.properties.SourceArn)).toBe(rules[0]?.logicalId);
  });

  it("when it runs then it is the periodic entry point, one instance at a time, in the VPC, logging to the log only", () => {
    const fn = periodic().properties;
    expect(fn.Handler).toBe("index.handler");
    expect(fn.Architectures).toEqual(["arm64"]);
    expect(fn.ReservedConcurrentExecutions).toBe(1);
    expect(fn.VpcConfig.SubnetIds).toEqual(
      functionNamed(service, "inventory-service").properties.VpcConfig.SubnetIds,
    );
    expect(fn.VpcConfig.SecurityGroupIds).toEqual(
      functionNamed(service, "inventory-service").properties.VpcConfig.SecurityGroupIds,
    );
    // The same stores and settings as the inventory target; no topic, so events go to the log.
    expect(variables(periodic())).toEqual(variables(functionNamed(service, "inventory-service")));
    expect(variables(periodic()).STOCK_EVENTS_TOPIC_ARN).toBeUndefined();
    const logGroups = resourcesOfType(service, "AWS::Logs::LogGroup").filter(
      (group) =>
        group.properties.LogGroupName === `/aws/lambda/${stage}-stockwiz-inventory-periodic`,
    );
    expect(logGroups.map((group) => group.properties.RetentionInDays)).toEqual([
      functionsConfig().logRetentionDays,
    ]);
  });

  it("when its role is read then it may write its logs, manage its network interfaces and connect as the app user, nothing else", () => {
    const roleId = referencedLogicalId(periodic().properties.Role);
    const actions = resourcesOfType(service, "AWS::IAM::Policy")
      .filter((policy) => policy.properties.Roles.some((role: CfnValue) => role.Ref === roleId))
      .flatMap((policy) => policy.properties.PolicyDocument.Statement)
      .flatMap((statement: CfnValue) => [statement.Action].flat());
    expect(actions).toEqual(["rds-db:connect"]);
    const role = service.toJSON().Resources[roleId as string].Properties;
    expect(JSON.stringify(role.ManagedPolicyArns)).toMatch(/AWSLambdaBasicExecutionRole/);
    expect(JSON.stringify(role.ManagedPolicyArns)).toMatch(/AWSLambdaVPCAccessExecutionRole/);
    expect(role.ManagedPolicyArns).toHaveLength(2);
  });
});

describe("the database", () => {
  it("when synthesized then it is Aurora Serverless v2 PostgreSQL 15 with minimum capacity 0, pausing after 5 idle minutes", () => {
    const cluster = onlyResourceOfType(data, "AWS::RDS::DBCluster").properties;
    expect(cluster).toMatchObject({
      Engine: "aurora-postgresql",
      EngineVersion: "15.13",
      ServerlessV2ScalingConfiguration: {
        MinCapacity: 0,
        MaxCapacity: 2,
        SecondsUntilAutoPause: 300,
      },
      EnableIAMDatabaseAuthentication: true,
      EnableHttpEndpoint: true,
      StorageEncrypted: true,
      DatabaseName: "microservices_db",
    });
    expect(onlyResourceOfType(data, "AWS::RDS::DBInstance").properties.DBInstanceClass).toBe(
      "db.serverless",
    );
  });

  it("when a client connects without TLS then the cluster refuses it: rds.force_ssl is on", () => {
    const group = onlyResourceOfType(data, "AWS::RDS::DBClusterParameterGroup");
    expect(group.properties.Parameters).toEqual({ "rds.force_ssl": "1" });
    const cluster = onlyResourceOfType(data, "AWS::RDS::DBCluster").properties;
    expect(referencedLogicalId(cluster.DBClusterParameterGroupName)).toBe(group.logicalId);
  });

  it("when the stage is deployed then the migrations run once, in a deploy step, before the service functions change", () => {
    const script = onlyResourceOfType(data, "Custom::SSTScript").properties;
    const migrate = functionNamed(data, "migrate");
    expect(script.UserCreateFunction).toEqual({ Ref: migrate.logicalId });
    expect(script.UserUpdateFunction).toEqual({ Ref: migrate.logicalId });
    expect(script.Version).toMatch(/^[0-9a-f]{16}$/);
    // Its folder is index.mjs beside the CA bundle, as every StockWiz function's.
    expect(migrate.properties.Handler).toBe("index.handler");
    expect(migrationNames.length).toBeGreaterThan(0);
    // The service functions import the Data stack's outputs: CloudFormation finishes it first.
    expect(JSON.stringify(service.toJSON())).toContain("Fn::ImportValue");
    expect(JSON.stringify(functionNamed(service, "product-service").properties)).toContain(
      `${stage}-stockwiz-Data:`,
    );
  });

  it("when the same commit is synthesized twice then the migration step is the same, so a deploy without new migrations leaves the database asleep", async () => {
    const again = await synthesizeStage(stage);
    expect(onlyResourceOfType(again.template("Data"), "Custom::SSTScript").properties.Version).toBe(
      onlyResourceOfType(data, "Custom::SSTScript").properties.Version,
    );
  });

  it("when the app user is created then it is by the RDS Data API, with rds_iam and rights on schema public", () => {
    const create = JSON.stringify(onlyResourceOfType(data, "Custom::AWS").properties.Create);
    expect(create).toContain('\\"service\\":\\"RDSDataService\\"');
    expect(create).toContain("GRANT rds_iam TO stockwiz_app;");
    expect(create).toContain("GRANT ALL ON SCHEMA public TO stockwiz_app;");
  });
});

describe("what the stage costs idle", () => {
  it("when synthesized then there is no NAT gateway, no VPC endpoint, no ECS, no cache and no Fargate stack", () => {
    const types = everyResource().map(({ resource }) => resource.Type as string);
    for (const type of [
      "AWS::EC2::NatGateway",
      "AWS::EC2::EIP",
      "AWS::EC2::VPCEndpoint",
      "AWS::ECS::Service",
      "AWS::ECS::Cluster",
      "AWS::ElastiCache::ReplicationGroup",
      "AWS::ECR::Repository",
    ]) {
      expect(types, type).not.toContain(type);
    }
    expect(() => pr.template("Registry")).toThrow(/not registered/);
    expect(() => pr.template("Monitoring")).toThrow(/not registered/);
  });

  it("when a level changes state then its stock event goes to the log: no topic, since nothing in the private tier reaches SNS", () => {
    // Issue 17: an SNS interface endpoint would break the idle budget (tests/cost); the
    // inventory function delivers its outbox to the log after each write instead.
    const types = everyResource().map(({ resource }) => resource.Type as string);
    expect(types).not.toContain("AWS::SNS::Topic");
    expect(variables(functionNamed(service, "inventory-service")).STOCK_EVENTS_TOPIC_ARN).toBe(
      undefined,
    );
  });

  it("when the stage is removed then nothing is kept: no plain Retain, and the database and logs go with it", () => {
    const kept = everyResource()
      .filter(({ resource }) => resource.DeletionPolicy && resource.DeletionPolicy !== "Delete")
      .map(({ stack, logicalId, resource }) => `${stack}/${logicalId} ${resource.DeletionPolicy}`);
    expect(kept.filter((entry) => entry.endsWith(" Retain"))).toEqual([]);
    expect(onlyResourceOfType(data, "AWS::RDS::DBCluster").raw.DeletionPolicy).toBe("Delete");
    expect(onlyResourceOfType(service, "AWS::S3::Bucket").raw.DeletionPolicy).toBe("Delete");
  });
});

describe("cdk-nag", () => {
  it("when the AwsSolutions pack runs on the serverless stage then no error is left unsuppressed", () => {
    expect(pr.nagErrors()).toEqual([]);
  });

  it("when a finding is suppressed then it names the rule and gives a reason", () => {
    for (const { resource } of everyResource()) {
      for (const rule of resource.Metadata?.cdk_nag?.rules_to_suppress ?? []) {
        expect(rule.id).toMatch(/^AwsSolutions-[A-Z]+\d+$/);
        expect(rule.reason.length).toBeGreaterThan(20);
      }
    }
  });
});
