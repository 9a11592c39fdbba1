import type { Template } from "aws-cdk-lib/assertions";
import { beforeAll, describe, expect, it } from "vitest";
import {
  containerDefinitions,
  containerNamed,
  environmentOf,
  onlyResourceOfType,
  referencedLogicalId,
  resourcesOfType,
} from "./cloudformation.ts";
import { synthesizeStage, testSettings } from "./synthesize-stage.ts";

// INFRA.md "ECS", "Registry (ECR)" and "Logs", stage dev.
let service: Template;
let network: Template;
let registry: Template;

beforeAll(async () => {
  const dev = await synthesizeStage("dev");
  service = dev.template("Service");
  network = dev.template("Network");
  registry = dev.template("Registry");
});

const appContainers = [
  ["api-gateway", 8000],
  ["product-service", 8001],
  ["inventory-service", 8002],
] as const;

describe("dev cluster and service", () => {
  it("when synthesized then dev-cluster has Container Insights on", () => {
    service.hasResourceProperties("AWS::ECS::Cluster", {
      ClusterName: "dev-cluster",
      ClusterSettings: [{ Name: "containerInsights", Value: "enabled" }],
    });
  });

  it("when synthesized then dev-stockwiz runs 1 Fargate task in the private subnets without a public IP", () => {
    const props = onlyResourceOfType(service, "AWS::ECS::Service").properties;
    expect(props).toMatchObject({
      ServiceName: "dev-stockwiz",
      LaunchType: "FARGATE",
      DesiredCount: 1,
    });
    const vpcConfig = props.NetworkConfiguration.AwsvpcConfiguration;
    expect(vpcConfig.AssignPublicIp).toBe("DISABLED");
    const cidrs = vpcConfig.Subnets.map(
      (subnet: unknown) =>
        network.toJSON().Resources[referencedLogicalId(subnet, network) as string].Properties
          .CidrBlock,
    );
    expect(cidrs).toEqual(["10.0.11.0/24", "10.0.12.0/24"]);
  });

  it("when synthesized then the service has a 300 s grace period and deploys at 100 %/200 %", () => {
    service.hasResourceProperties("AWS::ECS::Service", {
      HealthCheckGracePeriodSeconds: 300,
      DeploymentConfiguration: { MinimumHealthyPercent: 100, MaximumPercent: 200 },
    });
  });

  it("when synthesized then the service is registered in the three target groups on the right containers", () => {
    const groupName = (arn: { Ref: string }) => service.toJSON().Resources[arn.Ref].Properties.Name;
    const registrations = onlyResourceOfType(
      service,
      "AWS::ECS::Service",
    ).properties.LoadBalancers.map(
      (lb: { ContainerName: string; ContainerPort: number; TargetGroupArn: { Ref: string } }) => [
        lb.ContainerName,
        lb.ContainerPort,
        groupName(lb.TargetGroupArn),
      ],
    );
    expect(registrations).toEqual([
      ["api-gateway", 8000, "dev-api-gw-tg"],
      ["product-service", 8001, "dev-product-svc-tg"],
      ["inventory-service", 8002, "dev-inventory-svc-tg"],
    ]);
  });

  it("when synthesized then autoscaling keeps 1–4 tasks, tracking CPU 70 % and memory 80 %", () => {
    service.hasResourceProperties("AWS::ApplicationAutoScaling::ScalableTarget", {
      MinCapacity: 1,
      MaxCapacity: 4,
      ScalableDimension: "ecs:service:DesiredCount",
    });
    const targets = resourcesOfType(service, "AWS::ApplicationAutoScaling::ScalingPolicy").map(
      (policy) => [
        policy.properties.TargetTrackingScalingPolicyConfiguration.PredefinedMetricSpecification
          .PredefinedMetricType,
        policy.properties.TargetTrackingScalingPolicyConfiguration.TargetValue,
      ],
    );
    expect(targets).toEqual(
      expect.arrayContaining([
        ["ECSServiceAverageCPUUtilization", 70],
        ["ECSServiceAverageMemoryUtilization", 80],
      ]),
    );
    expect(targets).toHaveLength(2);
  });
});

describe("dev task definition", () => {
  it("when synthesized then family dev-stockwiz is 2048 CPU / 4096 MiB, awsvpc, Fargate", () => {
    service.hasResourceProperties("AWS::ECS::TaskDefinition", {
      Family: "dev-stockwiz",
      Cpu: "2048",
      Memory: "4096",
      NetworkMode: "awsvpc",
      RequiresCompatibilities: ["FARGATE"],
    });
  });

  it("when synthesized then it runs five essential containers", () => {
    const containers = containerDefinitions(service);
    expect(containers.map((c) => c.Name).sort()).toEqual(
      ["api-gateway", "inventory-service", "postgres", "product-service", "redis"].sort(),
    );
    expect(containers.every((c) => c.Essential === true)).toBe(true);
  });

  it("when synthesized then postgres comes from dev-stockwiz-postgres, on 5432, checked with pg_isready over TCP (not the socket its first-start init listens on alone)", () => {
    const postgres = containerNamed(service, "postgres");
    expect(JSON.stringify(postgres.Image)).toContain("PostgresRepository");
    expect(JSON.stringify(postgres.Image)).toContain(`:${testSettings.imageTag}`);
    expect(postgres.PortMappings).toEqual([{ ContainerPort: 5432, Protocol: "tcp" }]);
    expect(postgres.HealthCheck.Command.join(" ")).toContain("pg_isready -h 127.0.0.1 ");
  });

  it("when synthesized then redis is the official 7.4 image from ECR Public (no Docker Hub pull limit) on 6379, checked with redis-cli ping", () => {
    const redis = containerNamed(service, "redis");
    expect(redis.Image).toBe("public.ecr.aws/docker/library/redis:7.4-alpine");
    expect(redis.PortMappings).toEqual([{ ContainerPort: 6379, Protocol: "tcp" }]);
    expect(redis.HealthCheck.Command).toEqual(["CMD", "redis-cli", "ping"]);
  });

  it.each(appContainers)(
    "when synthesized then %s listens on %i, waits for healthy stores and checks its /health",
    (name, port) => {
      const container = containerNamed(service, name);
      expect(container.PortMappings).toEqual([{ ContainerPort: port, Protocol: "tcp" }]);
      expect(environmentOf(container).PORT).toBe(String(port));
      expect(container.DependsOn).toEqual([
        { ContainerName: "postgres", Condition: "HEALTHY" },
        { ContainerName: "redis", Condition: "HEALTHY" },
      ]);
      expect(container.HealthCheck.Command.join(" ")).toContain(`http://127.0.0.1:${port}/health`);
    },
  );

  it.each(appContainers)(
    "when synthesized then %s reaches its peers and stores on localhost",
    (name) => {
      expect(environmentOf(containerNamed(service, name))).toMatchObject({
        DB_HOST: "localhost",
        DB_PORT: "5432",
        DB_NAME: "microservices_db",
        REDIS_URL: "redis://localhost:6379",
        PRODUCT_SERVICE_URL: "http://localhost:8001",
        INVENTORY_SERVICE_URL: "http://localhost:8002",
      });
    },
  );
});

describe("dev registry", () => {
  it.each(["api-gateway", "product-service", "inventory-service", "postgres"])(
    "when synthesized then repository dev-stockwiz-%s scans on push and encrypts with AES256",
    (suffix) => {
      registry.hasResourceProperties("AWS::ECR::Repository", {
        RepositoryName: `dev-stockwiz-${suffix}`,
        ImageScanningConfiguration: { ScanOnPush: true },
        EncryptionConfiguration: { EncryptionType: "AES256" },
      });
    },
  );

  it("when synthesized then there are exactly four repositories", () => {
    registry.resourceCountIs("AWS::ECR::Repository", 4);
  });

  it("when synthesized then each service container runs its own repository's image at the deployed tag", () => {
    for (const [name] of appContainers) {
      const image = JSON.stringify(containerNamed(service, name).Image);
      const repositoryId = resourcesOfType(registry, "AWS::ECR::Repository").find(
        (r) => r.properties.RepositoryName === `dev-stockwiz-${name}`,
      )?.logicalId;
      expect(image).toContain(repositoryId);
      expect(image).toContain(`:${testSettings.imageTag}`);
    }
  });
});

describe("dev logs", () => {
  it("when synthesized then /ecs/dev keeps logs 7 days", () => {
    service.hasResourceProperties("AWS::Logs::LogGroup", {
      LogGroupName: "/ecs/dev",
      RetentionInDays: 7,
    });
  });

  it("when synthesized then every container logs to /ecs/dev under its own stream prefix", () => {
    const logGroupId = resourcesOfType(service, "AWS::Logs::LogGroup").find(
      (group) => group.properties.LogGroupName === "/ecs/dev",
    )?.logicalId;
    for (const container of containerDefinitions(service)) {
      expect(container.LogConfiguration).toEqual({
        LogDriver: "awslogs",
        Options: {
          "awslogs-group": { Ref: logGroupId },
          "awslogs-stream-prefix": container.Name,
          "awslogs-region": "us-east-1",
        },
      });
    }
  });
});
