import type { LineItem, MarginalItem, Pricer, UnpricedResource } from "./cost-report.ts";
import { idleTaskCount, isFargate } from "./ecs-services.ts";
import { healthChecksPerTargetMonth } from "./load-balancer-topology.ts";
import type { CfnValue } from "./stage-index.ts";

/** Task size from CloudFormation's `Cpu`/`Memory`: "2048" (units, MiB) or "2 vCPU", "4 GB". */
const vcpusOf = (cpu: CfnValue) =>
  /vcpu/i.test(String(cpu)) ? Number.parseFloat(String(cpu)) : Number(cpu) / 1024;
const gbOf = (memory: CfnValue) =>
  /gb/i.test(String(memory)) ? Number.parseFloat(String(memory)) : Number(memory) / 1024;

/** ECS services on Fargate: vCPU and memory hours of the idle task count, by architecture. */
export const priceFargate: Pricer = {
  types: [
    "AWS::ECS::Service",
    "AWS::ECS::TaskDefinition",
    "AWS::ApplicationAutoScaling::ScalableTarget",
  ],
  price: (context) => {
    const { stage, prices, assume, monthly } = context;
    const items: LineItem[] = [];
    const unpriced: UnpricedResource[] = [];
    const marginal: MarginalItem[] = [];
    for (const service of stage.ofType("AWS::ECS::Service")) {
      const task = stage.referenced(service.properties.TaskDefinition, service);
      if (!isFargate(service) || !task) {
        unpriced.push({
          resource: service,
          reason: "not a Fargate service with a task definition",
        });
        continue;
      }
      const name = service.properties.ServiceName ?? service.logicalId;
      const tasks = idleTaskCount(service, context);
      const arm = task.properties.RuntimePlatform?.CpuArchitecture === "ARM64";
      const vcpus = vcpusOf(task.properties.Cpu);
      const gb = gbOf(task.properties.Memory);
      const extraStorageGb = Math.max(0, (task.properties.EphemeralStorage?.SizeInGiB ?? 20) - 20);
      const f = prices.fargate;
      const perTaskHour =
        vcpus * (arm ? f.armVcpuHour : f.x86VcpuHour).usd +
        gb * (arm ? f.armGbHour : f.x86GbHour).usd +
        extraStorageGb * f.ephemeralGbHour.usd;
      items.push({
        kind: "fargate",
        item: `Fargate service ${name}`,
        quantity: tasks,
        unit: `task (${arm ? "arm64" : "x86_64"}, ${vcpus} vCPU, ${gb} GB) × ${prices.hoursPerMonth} h`,
        monthlyUsd: tasks * monthly(perTaskHour),
        resources: [service.key, task.key],
      });
      if (
        service.properties.NetworkConfiguration?.AwsvpcConfiguration?.AssignPublicIp === "ENABLED"
      ) {
        items.push({
          kind: "task-public-ipv4",
          item: `Public IPv4 of each ${name} task`,
          quantity: tasks,
          unit: `public IPv4 address × ${prices.hoursPerMonth} h`,
          monthlyUsd: tasks * monthly(prices.network.publicIpv4Hour.usd),
          resources: [service.key],
        });
      }
      const checks = (service.properties.LoadBalancers ?? []).reduce(
        (sum: number, lb: CfnValue) => {
          const group = stage.referenced(lb.TargetGroupArn, service);
          return (
            sum +
            (group ? healthChecksPerTargetMonth(group, stage, assume, prices.hoursPerMonth) : 0)
          );
        },
        0,
      );
      if (checks > 0) {
        const gb = (tasks * checks * assume.healthCheckLogBytes.value) / 1e9;
        items.push({
          kind: "health-check-logs",
          item: `Log lines of ALB health checks to ${name}`,
          quantity: gb,
          unit: "GB ingested a month",
          monthlyUsd: gb * prices.cloudWatch.logsIngestGb.usd,
          estimate: `${Math.round(tasks * checks)} checks; ${assume.healthCheckLogBytes.basis}`,
          resources: [service.key],
        });
      }
      marginal.push({
        kind: "fargate",
        item: `Fargate service ${name}`,
        perMillionUsd: 0,
        assumption: `fixed capacity until scaling adds a task (+$${monthly(perTaskHour).toFixed(2)}/month each)`,
      });
    }
    return { items, unpriced, marginal };
  },
};
