import { beforeAll, describe, expect, it } from "vitest";
import type { CfnValue } from "../infra/cloudformation.ts";
import { type StackName, synthesizeStage } from "../infra/synthesize-stage.ts";
import {
  changedCopy,
  local,
  moduleArguments,
  moduleVariable,
  resourceProperties,
} from "./change-a-copy.ts";
import { compareFacts, type DeploymentFacts, type FactDifference } from "./deployment-facts.ts";
import { factsFromCloudFormation, type StackTemplates } from "./facts-from-cloudformation.ts";
import { factsFromTerraform } from "./facts-from-terraform.ts";
import { type HclBody, loadDevEnvironment, type TerraformConfiguration } from "./load-terraform.ts";
import { interpolation } from "./terraform-expressions.ts";

// One contract, two descriptions: infra-legacy/environments/dev and the SST dev stage.
const stackNames: StackName[] = ["Network", "Registry", "Data", "Service", "Monitoring"];
let hcl: TerraformConfiguration;
let templates: StackTemplates;

beforeAll(async () => {
  const dev = await synthesizeStage("dev");
  templates = Object.fromEntries(
    stackNames.map((name) => [name, dev.template(name).toJSON()]),
  ) as StackTemplates;
  hcl = await loadDevEnvironment();
});

const differences = (
  terraform: TerraformConfiguration = hcl,
  sst: StackTemplates = templates,
): FactDifference[] => compareFacts(factsFromTerraform(terraform), factsFromCloudFormation(sst));

describe("parity of infra-legacy (Terraform) and stacks/ (SST), stage dev", () => {
  it("when both descriptions are read then every fact agrees", () => {
    expect(differences()).toEqual([]);
  });

  it("when the Terraform facts are read then they are CONTRACT.md §1's, not empty agreement", () => {
    const facts: DeploymentFacts = factsFromTerraform(hcl);
    expect(facts.listener).toEqual({
      port: 80,
      protocol: "HTTP",
      defaultTargetGroup: "dev-api-gw-tg",
    });
    expect(facts.listenerRules).toEqual({
      "dev-product-svc-tg": { priority: 100, pathPatterns: ["/products/*", "/api/products/*"] },
      "dev-inventory-svc-tg": { priority: 200, pathPatterns: ["/inventory/*", "/api/inventory/*"] },
    });
    expect(Object.keys(facts.task.containers).sort()).toEqual([
      "api-gateway",
      "inventory-service",
      "postgres",
      "product-service",
      "redis",
    ]);
    expect(Object.keys(facts.alarms)).toHaveLength(6);
    expect(facts.network.subnets).toEqual({
      "public us-east-1a": "10.0.1.0/24",
      "public us-east-1b": "10.0.2.0/24",
      "private us-east-1a": "10.0.11.0/24",
      "private us-east-1b": "10.0.12.0/24",
    });
  });

  describe("a change on the Terraform side only", () => {
    it.each<[string, (config: TerraformConfiguration) => void, FactDifference[]]>([
      [
        "the product rule's priority",
        (config) => {
          local(config, "listener_routes")["product-service"].priority = 150;
        },
        [{ path: "listenerRules.dev-product-svc-tg.priority", terraform: 150, sst: 100 }],
      ],
      [
        "an inventory path pattern",
        (config) => {
          local(config, "listener_routes")["inventory-service"].path_patterns[1] = "/api/stock/*";
        },
        [
          {
            path: "listenerRules.dev-inventory-svc-tg.pathPatterns[1]",
            terraform: "/api/stock/*",
            sst: "/api/inventory/*",
          },
        ],
      ],
      [
        "a public subnet's CIDR",
        (config) => {
          moduleArguments(config, "network").public_subnets["us-east-1b"] = "10.0.3.0/24";
        },
        [
          {
            path: "network.subnets.public us-east-1b",
            terraform: "10.0.3.0/24",
            sst: "10.0.2.0/24",
          },
        ],
      ],
      [
        "the task memory",
        (config) => {
          moduleArguments(config, "ecs").task_memory = 8192;
        },
        [{ path: "task.memoryMiB", terraform: 8192, sst: 4096 }],
      ],
      [
        "the log retention",
        (config) => {
          moduleArguments(config, "ecs").log_retention_days = 14;
        },
        [{ path: "logGroup.retentionDays", terraform: 14, sst: 7 }],
      ],
      [
        "the listener port (a module default)",
        (config) => {
          moduleVariable(config, "alb", "listener_port").default = 8080;
        },
        [{ path: "listener.port", terraform: 8080, sst: 80 }],
      ],
      [
        "the CPU alarm threshold (a module default)",
        (config) => {
          moduleVariable(config, "monitoring", "thresholds").default.cpu_percent = 90;
        },
        [{ path: "alarms.dev-stockwiz-cpu-high.threshold", terraform: 90, sst: 80 }],
      ],
    ])("when %s changes then the comparison names exactly that", (_what, change, expected) => {
      expect(differences(changedCopy(hcl, change))).toEqual(expected);
    });

    it("when the health-check path changes then every target group reports it", () => {
      const changed = changedCopy(hcl, (config) => {
        moduleVariable(config, "alb", "health_check_path").default = "/healthz";
      });
      expect(differences(changed)).toEqual(
        ["dev-api-gw-tg", "dev-inventory-svc-tg", "dev-product-svc-tg"].map((group) => ({
          path: `targetGroups.${group}.healthCheck.path`,
          terraform: "/healthz",
          sst: "/health",
        })),
      );
    });

    it("when the healthy threshold passed to the alb module changes then every target group reports it", () => {
      const changed = changedCopy(hcl, (config) => {
        moduleArguments(config, "alb").healthy_threshold = 5;
      });
      expect(differences(changed).map((d) => [d.path, d.terraform, d.sst])).toEqual(
        ["dev-api-gw-tg", "dev-inventory-svc-tg", "dev-product-svc-tg"].map((group) => [
          `targetGroups.${group}.healthCheck.healthyThreshold`,
          5,
          2,
        ]),
      );
    });

    it("when the product service's port changes then its target group, container, registration and probe report it", () => {
      const changed = changedCopy(hcl, (config) => {
        local(config, "app_services")["product-service"].port = 8011;
      });
      expect(differences(changed).map((d) => d.path)).toEqual([
        "service.loadBalancerTargets.product-service",
        "targetGroups.dev-product-svc-tg.port",
        "task.containers.product-service.healthCheck.command[3]",
        "task.containers.product-service.port",
      ]);
    });

    it("when the task ingress is reopened on all ports, as legacy had it, then that rule is reported", () => {
      const changed = changedCopy(hcl, (config) => {
        const rule =
          config.modules.network?.resource.aws_vpc_security_group_ingress_rule.tasks_from_alb[0];
        rule.from_port = 0;
        rule.to_port = 65535;
      });
      expect(differences(changed)).toEqual([
        {
          path: "network.securityGroups.dev-ecs-tasks-sg.ingress[0]",
          terraform: "tcp 0-65535 from dev-alb-sg",
          sst: "tcp 8000-8002 from dev-alb-sg",
        },
      ]);
    });

    it("when the database password moves back into the plain environment then that variable is reported", () => {
      const changed = changedCopy(hcl, (config) => {
        const api = local({ ...config, environment: config.modules.ecs as HclBody }, "api_gateway");
        api.secrets = [
          {
            name: "DB_USER",
            valueFrom: `${interpolation("aws_secretsmanager_secret.database.arn")}:username::`,
          },
        ];
        api.environment.push({ name: "DB_PASSWORD", value: "not-a-real-password" });
      });
      expect(differences(changed)).toEqual([
        {
          path: "task.containers.api-gateway.variables.DB_PASSWORD",
          terraform: "plain",
          sst: "secret:password",
        },
      ]);
    });
  });

  describe("a change on the SST side only", () => {
    const targetGroupNamed = (name: string) => (p: CfnValue) => p.Name === name;
    it.each<[string, (stacks: Record<StackName, CfnValue>) => void, FactDifference[]]>([
      [
        "the inventory rule's priority",
        (stacks) => {
          resourceProperties(
            stacks.Service,
            "AWS::ElasticLoadBalancingV2::ListenerRule",
            (p) => p.Priority === 200,
          ).Priority = 300;
        },
        [{ path: "listenerRules.dev-inventory-svc-tg.priority", terraform: 200, sst: 300 }],
      ],
      [
        "the gateway's health-check path",
        (stacks) => {
          resourceProperties(
            stacks.Service,
            "AWS::ElasticLoadBalancingV2::TargetGroup",
            targetGroupNamed("dev-api-gw-tg"),
          ).HealthCheckPath = "/";
        },
        [{ path: "targetGroups.dev-api-gw-tg.healthCheck.path", terraform: "/health", sst: "/" }],
      ],
      [
        "the product target group's unhealthy threshold",
        (stacks) => {
          resourceProperties(
            stacks.Service,
            "AWS::ElasticLoadBalancingV2::TargetGroup",
            targetGroupNamed("dev-product-svc-tg"),
          ).UnhealthyThresholdCount = 5;
        },
        [
          {
            path: "targetGroups.dev-product-svc-tg.healthCheck.unhealthyThreshold",
            terraform: 3,
            sst: 5,
          },
        ],
      ],
      [
        "a private subnet's CIDR",
        (stacks) => {
          resourceProperties(
            stacks.Network,
            "AWS::EC2::Subnet",
            (p) => p.CidrBlock === "10.0.12.0/24",
          ).CidrBlock = "10.0.22.0/24";
        },
        [
          {
            path: "network.subnets.private us-east-1b",
            terraform: "10.0.12.0/24",
            sst: "10.0.22.0/24",
          },
        ],
      ],
      [
        "the task CPU",
        (stacks) => {
          resourceProperties(stacks.Service, "AWS::ECS::TaskDefinition").Cpu = "4096";
        },
        [{ path: "task.cpu", terraform: 2048, sst: 4096 }],
      ],
      [
        "the log group name",
        (stacks) => {
          resourceProperties(stacks.Service, "AWS::Logs::LogGroup").LogGroupName =
            "/ecs/stockwiz-dev";
        },
        [{ path: "logGroup.name", terraform: "/ecs/dev", sst: "/ecs/stockwiz-dev" }],
      ],
      [
        "the access-log retention",
        (stacks) => {
          resourceProperties(
            stacks.Service,
            "AWS::S3::Bucket",
          ).LifecycleConfiguration.Rules[0].ExpirationInDays = 90;
        },
        [{ path: "loadBalancer.accessLogs.retentionDays", terraform: 30, sst: 90 }],
      ],
      [
        "the NAT gateway count (one per AZ, as prod has)",
        (stacks) => {
          const nat = Object.values<CfnValue>(stacks.Network.Resources).find(
            (resource) => resource.Type === "AWS::EC2::NatGateway",
          );
          stacks.Network.Resources.SecondNatGateway = structuredClone(nat);
        },
        [{ path: "network.natGateways", terraform: 1, sst: 2 }],
      ],
      [
        "Container Insights",
        (stacks) => {
          delete resourceProperties(stacks.Service, "AWS::ECS::Cluster").ClusterSettings;
        },
        [{ path: "cluster.containerInsights", terraform: "enabled", sst: "disabled" }],
      ],
      [
        "the 5xx alarm threshold",
        (stacks) => {
          resourceProperties(
            stacks.Monitoring,
            "AWS::CloudWatch::Alarm",
            (p) => p.AlarmName === "dev-stockwiz-target-5xx",
          ).Threshold = 20;
        },
        [{ path: "alarms.dev-stockwiz-target-5xx.threshold", terraform: 10, sst: 20 }],
      ],
      [
        "the memory alarm's metric",
        (stacks) => {
          resourceProperties(
            stacks.Monitoring,
            "AWS::CloudWatch::Alarm",
            (p) => p.AlarmName === "dev-stockwiz-memory-high",
          ).MetricName = "MemoryReservation";
        },
        [
          {
            path: "alarms.dev-stockwiz-memory-high.metric",
            terraform: "MemoryUtilization",
            sst: "MemoryReservation",
          },
        ],
      ],
      [
        "the inventory container's name",
        (stacks) => {
          const task = resourceProperties(stacks.Service, "AWS::ECS::TaskDefinition");
          const container = task.ContainerDefinitions.find(
            (c: CfnValue) => c.Name === "inventory-service",
          );
          container.Name = "inventory";
        },
        [
          {
            path: "task.containers.inventory",
            terraform: undefined,
            sst: expect.objectContaining({ port: 8002 }),
          },
          {
            path: "task.containers.inventory-service",
            terraform: expect.objectContaining({ port: 8002 }),
            sst: undefined,
          },
        ],
      ],
    ])("when %s changes then the comparison names exactly that", (_what, change, expected) => {
      expect(differences(hcl, changedCopy(templates, change))).toEqual(expected);
    });

    it("when SST gains an alarm on an AWS metric then it is reported as SST-only", () => {
      const changed = changedCopy(templates, (stacks) => {
        const cpu = resourceProperties(
          stacks.Monitoring,
          "AWS::CloudWatch::Alarm",
          (p) => p.AlarmName === "dev-stockwiz-cpu-high",
        );
        stacks.Monitoring.Resources.ExtraAlarm = {
          Type: "AWS::CloudWatch::Alarm",
          Properties: { ...cpu, AlarmName: "dev-stockwiz-cpu-critical", Threshold: 95 },
        };
      });
      expect(differences(hcl, changed)).toEqual([
        {
          path: "alarms.dev-stockwiz-cpu-critical",
          terraform: undefined,
          sst: expect.objectContaining({ metric: "CPUUtilization", threshold: 95 }),
        },
      ]);
    });
  });

  it("when a Terraform fact stops being known at plan time then reading it fails loudly", () => {
    const changed = changedCopy(hcl, (config) => {
      moduleArguments(config, "ecs").task_memory = interpolation("module.sizing.memory");
    });
    expect(() => factsFromTerraform(changed)).toThrow(/not a plan-time value/);
  });
});
