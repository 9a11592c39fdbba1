import { beforeAll, describe, expect, it } from "vitest";
import { deploySettingsFromEnv } from "../../stacks/config/deploy-settings.ts";
import { rdsCaBundleInImage } from "../../stacks/config/service-environment.ts";
import {
  type CfnValue,
  containerDefinitions,
  containerNamed,
  environmentOf,
  onlyResourceOfType,
  resourcesOfType,
} from "./cloudformation.ts";
import {
  type StackName,
  type SynthesizedStage,
  synthesizeStage,
  testSettings,
} from "./synthesize-stage.ts";

// What a new team's first deploy into an empty account depends on (issue 13).
const stackNames: StackName[] = ["Network", "Registry", "Data", "Service", "Monitoring"];
const appContainers = ["api-gateway", "product-service", "inventory-service"];

/** Every resource of every stack, with the stack it is in. */
function everyResource(synthesized: SynthesizedStage) {
  return stackNames.flatMap((stack) =>
    Object.entries<CfnValue>(synthesized.template(stack).toJSON().Resources).map(
      ([logicalId, resource]) => ({ stack, logicalId, resource }),
    ),
  );
}

/** Properties CloudFormation uses as a physical name that a retry would collide with. */
const physicalNameProperties = [
  "RepositoryName",
  "LogGroupName",
  "Name",
  "ClusterName",
  "ServiceName",
  "ReplicationGroupId",
  "TopicName",
  "DashboardName",
];
const isNamed = (resource: CfnValue) =>
  physicalNameProperties.some((key) => typeof resource.Properties?.[key] === "string");

describe.each(["dev", "prod"])("stage %s, first deploy", (stage) => {
  let synthesized: SynthesizedStage;
  beforeAll(async () => {
    synthesized = await synthesizeStage(stage);
  });

  it("when a first create rolls back then nothing it made is kept: no resource is a plain Retain", () => {
    const plainRetains = everyResource(synthesized)
      .filter(({ resource }) => resource.DeletionPolicy === "Retain")
      .map(({ stack, logicalId }) => `${stack}/${logicalId}`);
    expect(plainRetains).toEqual([]);
  });

  it("when the stage is removed then its named resources go with it outside prod, and prod keeps only its secrets, images and logs", () => {
    const kept = everyResource(synthesized)
      .filter(({ resource }) => isNamed(resource) && resource.DeletionPolicy !== undefined)
      .filter(({ resource }) => resource.DeletionPolicy !== "Delete")
      .map(({ resource }) => `${resource.Type} ${resource.DeletionPolicy}`);
    if (stage === "prod") {
      expect([...new Set(kept)].sort()).toEqual([
        "AWS::ECR::Repository RetainExceptOnCreate",
        "AWS::Logs::LogGroup RetainExceptOnCreate",
        "AWS::SecretsManager::Secret RetainExceptOnCreate",
      ]);
    } else {
      expect(kept).toEqual([]);
      // A removed dev stage leaves no repository holding images behind.
      for (const repository of resourcesOfType(
        synthesized.template("Registry"),
        "AWS::ECR::Repository",
      )) {
        expect(repository.properties.EmptyOnDelete).toBe(true);
        expect(repository.raw.DeletionPolicy).toBe("Delete");
      }
    }
  });

  it("when the gateway runs behind the ALB then it trusts exactly one hop, and the services none", () => {
    const service = synthesized.template("Service");
    expect(environmentOf(containerNamed(service, "api-gateway")).TRUST_PROXY_HOPS).toBe("1");
    for (const name of ["product-service", "inventory-service"]) {
      expect(environmentOf(containerNamed(service, name)).TRUST_PROXY_HOPS).toBeUndefined();
    }
  });

  it("when the services run in the task then a request line is written for failures, slow requests and a sample of successes", () => {
    const service = synthesized.template("Service");
    for (const name of ["api-gateway", "product-service", "inventory-service"]) {
      expect(environmentOf(containerNamed(service, name))).toMatchObject({
        LOG_SUCCESS_SAMPLE_RATE: "0.01",
        LOG_SLOW_REQUEST_MS: "1000",
      });
    }
  });

  it("when the services run in the task then each runs with the small V8 heap settings the bench measured", () => {
    const service = synthesized.template("Service");
    for (const name of ["api-gateway", "product-service", "inventory-service"]) {
      expect(environmentOf(containerNamed(service, name)).NODE_OPTIONS).toBe(
        "--max-semi-space-size=4 --max-old-space-size=512",
      );
    }
  });

  it("when images are named then every one is the deploy's commit tag, never `latest`", () => {
    const images = containerDefinitions(synthesized.template("Service")).map((container) =>
      JSON.stringify(container.Image),
    );
    for (const image of images) expect(image).not.toMatch(/:latest\b/);
    const ownImages = images.filter((image) => image.includes("stockwiz-"));
    expect(ownImages).toHaveLength(stage === "prod" ? 3 : 4);
    for (const image of ownImages) expect(image).toContain(`:${testSettings.imageTag}`);
  });

  it("when the task is placed then it runs on Graviton (ARM64), the platform every image is built for", () => {
    const task = onlyResourceOfType(synthesized.template("Service"), "AWS::ECS::TaskDefinition");
    expect(task.properties.RuntimePlatform).toEqual({
      CpuArchitecture: "ARM64",
      OperatingSystemFamily: "LINUX",
    });
  });

  it("when a function is deployed then it runs Node.js 24, SST's own bookkeeping function included", () => {
    const functions = everyResource(synthesized).filter(
      ({ resource }) => resource.Type === "AWS::Lambda::Function",
    );
    expect(functions.length).toBeGreaterThanOrEqual(stackNames.length);
    for (const { resource } of functions) expect(resource.Properties.Runtime).toBe("nodejs24.x");
  });

  it("when the services connect to PostgreSQL then prod verifies TLS against the RDS CA bundle in the image, and dev's in-task database needs none", () => {
    for (const name of appContainers) {
      const environment = environmentOf(containerNamed(synthesized.template("Service"), name));
      if (stage === "prod") {
        expect(environment.PGSSLMODE).toBe("verify-full");
        expect(environment.PGSSLROOTCERT).toBe(rdsCaBundleInImage);
      } else {
        expect(environment.PGSSLMODE).toBeUndefined();
        expect(environment.DB_HOST).toBe("localhost");
      }
    }
  });
});

describe("image tag", () => {
  it("when a deploy names no image tag then synthesis stops and says which setting is missing", async () => {
    const { imageTag: _none, ...withoutTag } = testSettings;
    await expect(synthesizeStage("dev", withoutTag)).rejects.toThrow(/STOCKWIZ_IMAGE_TAG/);
  });

  it("when the stage is removed then no tag is needed: removal only reads the stacks' names", async () => {
    const { imageTag: _none, ...withoutTag } = testSettings;
    const removal = await synthesizeStage("dev", withoutTag, "remove");
    expect(containerDefinitions(removal.template("Service")).length).toBeGreaterThan(0);
  });
});

describe("another region", () => {
  it("when AWS_REGION is eu-west-1 then every stack, zone and log driver is there, cdk-nag clean", async () => {
    const settings = deploySettingsFromEnv({
      STOCKWIZ_ALERT_EMAIL: testSettings.alertEmail,
      STOCKWIZ_IMAGE_TAG: testSettings.imageTag,
      AWS_REGION: "eu-west-1",
    });
    const synthesized = await synthesizeStage("dev", settings);
    const zones = resourcesOfType(synthesized.template("Network"), "AWS::EC2::Subnet").map(
      (subnet) => subnet.properties.AvailabilityZone,
    );
    expect([...new Set(zones)].sort()).toEqual(["eu-west-1a", "eu-west-1b"]);
    for (const container of containerDefinitions(synthesized.template("Service"))) {
      expect(container.LogConfiguration.Options["awslogs-region"]).toBe("eu-west-1");
    }
    expect(synthesized.missingContext).toEqual([]);
    expect(synthesized.nagErrors()).toEqual([]);
  });
});
