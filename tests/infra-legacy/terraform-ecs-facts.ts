import type { ContainerFacts, ServiceFacts } from "./deployment-facts.ts";
import { number, text } from "./plan-time-values.ts";
import { type Scope, Unresolved } from "./terraform-expressions.ts";
import { resourceInstance } from "./terraform-module.ts";

// biome-ignore lint/suspicious/noExplicitAny: container definitions are free-form JSON.
type Json = any;

/** One entry of the task's `container_definitions`, decoded from `jsonencode(local.…)`. */
export function containerFacts(container: Json): ContainerFacts {
  const check = container.healthCheck;
  return {
    port: number(container.portMappings[0].containerPort),
    essential: container.essential === true,
    logStreamPrefix: text(container.logConfiguration.options["awslogs-stream-prefix"]),
    dependsOn: (container.dependsOn ?? [])
      .map((d: Json) => `${d.containerName} ${d.condition}`)
      .sort(),
    variables: Object.fromEntries([
      ...(container.environment ?? []).map((e: Json) => [text(e.name), "plain"]),
      ...(container.secrets ?? []).map((s: Json) => [
        text(s.name),
        `secret:${secretKey(s.valueFrom)}`,
      ]),
    ]),
    healthCheck: {
      command: (check.command as unknown[]).map(text),
      intervalSeconds: number(check.interval),
      timeoutSeconds: number(check.timeout),
      retries: number(check.retries),
      startPeriodSeconds: number(check.startPeriod),
    },
  };
}

/** `"${aws_secretsmanager_secret.database.arn}:password::"` → `password`. */
function secretKey(valueFrom: unknown): string {
  const expression = valueFrom instanceof Unresolved ? valueFrom.expression : String(valueFrom);
  const key = /^\$\{aws_secretsmanager_secret\.[\w-]+\.arn\}:([\w-]+)::$/.exec(expression)?.[1];
  if (!key) throw new Error(`Expected a Secrets Manager JSON key reference, got ${expression}`);
  return key;
}

/** `aws_ecs_service.this`, its load balancer blocks and its scaling target and policies. */
export function serviceFacts(ecs: Scope): ServiceFacts {
  const service = resourceInstance(ecs, "aws_ecs_service", "this");
  const cluster = service.value("cluster");
  const clusterName =
    cluster instanceof Unresolved && cluster.resource?.address === "aws_ecs_cluster.this"
      ? text(resourceInstance(ecs, "aws_ecs_cluster", "this").known("name"))
      : String(cluster);
  const breaker = service.block("deployment_circuit_breaker");
  const scaling = resourceInstance(ecs, "aws_appautoscaling_target", "service");
  return {
    name: text(service.known("name")),
    cluster: clusterName,
    desiredCount: number(service.known("desired_count")),
    launchType: text(service.known("launch_type")),
    healthCheckGracePeriodSeconds: number(service.known("health_check_grace_period_seconds")),
    minimumHealthyPercent: number(service.known("deployment_minimum_healthy_percent")),
    maximumPercent: number(service.known("deployment_maximum_percent")),
    circuitBreaker: {
      enable: breaker.known("enable") === true,
      rollback: breaker.known("rollback") === true,
    },
    assignPublicIp: service.block("network_configuration").known("assign_public_ip") === true,
    loadBalancerTargets: Object.fromEntries(
      service
        .blocks("load_balancer")
        .map((target) => [
          text(target.known("container_name")),
          number(target.known("container_port")),
        ]),
    ),
    autoscaling: {
      minCapacity: number(scaling.known("min_capacity")),
      maxCapacity: number(scaling.known("max_capacity")),
      targets: Object.fromEntries(
        Object.keys(ecs.body.resource?.aws_appautoscaling_policy ?? {}).map((name) => {
          const tracking = resourceInstance(ecs, "aws_appautoscaling_policy", name).block(
            "target_tracking_scaling_policy_configuration",
          );
          return [
            text(tracking.block("predefined_metric_specification").known("predefined_metric_type")),
            number(tracking.known("target_value")),
          ];
        }),
      ),
    },
  };
}
