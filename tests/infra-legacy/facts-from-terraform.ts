import {
  type AlarmFacts,
  type ContainerFacts,
  type DeploymentFacts,
  isComparedAlarm,
  type SecurityGroupFacts,
  type TargetGroupFacts,
} from "./deployment-facts.ts";
import type { TerraformConfiguration } from "./load-terraform.ts";
import { type Scope, Unresolved } from "./terraform-expressions.ts";
import {
  type HclNode,
  moduleScope,
  resourceInstance,
  resourceInstances,
} from "./terraform-module.ts";

// biome-ignore lint/suspicious/noExplicitAny: container definitions are free-form JSON.
type Json = any;

/** Reads the facts of the dev environment from its parsed HCL, as `terraform plan` would know them. */
export function factsFromTerraform(config: TerraformConfiguration): DeploymentFacts {
  const network = moduleScope(config, "network");
  const alb = moduleScope(config, "alb");
  const ecs = moduleScope(config, "ecs");
  const monitoring = moduleScope(config, "monitoring");
  const ecr = moduleScope(config, "ecr");

  const lb = resourceInstance(alb, "aws_lb", "this");
  const listener = resourceInstance(alb, "aws_lb_listener", "http");
  const task = resourceInstance(ecs, "aws_ecs_task_definition", "this");
  const logGroup = resourceInstance(ecs, "aws_cloudwatch_log_group", "this");
  const cluster = resourceInstance(ecs, "aws_ecs_cluster", "this");
  return {
    network: {
      vpcCidr: text(resourceInstance(network, "aws_vpc", "this").known("cidr_block")),
      subnets: Object.fromEntries(
        ["public", "private"].flatMap((tier) =>
          resourceInstances(network, "aws_subnet", tier).map((subnet) => [
            `${tier} ${text(subnet.known("availability_zone"))}`,
            text(subnet.known("cidr_block")),
          ]),
        ),
      ),
      securityGroups: securityGroups(network),
    },
    loadBalancer: {
      name: text(lb.known("name")),
      scheme: lb.known("internal") === true ? "internal" : "internet-facing",
      http2: lb.known("enable_http2") === true,
    },
    listener: {
      port: number(listener.known("port")),
      protocol: text(listener.known("protocol")),
      defaultTargetGroup: targetGroupName(
        alb,
        listener.block("default_action").value("target_group_arn"),
      ),
    },
    listenerRules: Object.fromEntries(
      resourceInstances(alb, "aws_lb_listener_rule", "route").map((rule) => [
        targetGroupName(alb, rule.block("action").value("target_group_arn")),
        {
          priority: number(rule.known("priority")),
          pathPatterns: rule.block("condition").block("path_pattern").known("values") as string[],
        },
      ]),
    ),
    targetGroups: Object.fromEntries(
      resourceInstances(alb, "aws_lb_target_group", "service").map((group) => [
        text(group.known("name")),
        targetGroupFacts(group),
      ]),
    ),
    task: {
      family: text(task.known("family")),
      cpu: number(task.known("cpu")),
      memoryMiB: number(task.known("memory")),
      containers: Object.fromEntries(
        (task.known("container_definitions") as Json[]).map((c) => [c.name, containerFacts(c)]),
      ),
    },
    cluster: {
      name: text(cluster.known("name")),
      containerInsights: text(
        cluster
          .blocks("setting")
          .find((setting) => setting.known("name") === "containerInsights")
          ?.value("value") ?? "disabled",
      ),
    },
    service: serviceFacts(ecs),
    logGroup: {
      name: text(logGroup.known("name")),
      retentionDays: number(logGroup.known("retention_in_days")),
    },
    alarms: Object.fromEntries(
      Object.keys(monitoring.body.resource?.aws_cloudwatch_metric_alarm ?? {})
        .flatMap((name) => resourceInstances(monitoring, "aws_cloudwatch_metric_alarm", name))
        .filter((alarm) => isComparedAlarm(alarm.known("namespace")))
        .map((alarm) => [text(alarm.known("alarm_name")), alarmFacts(alarm)]),
    ),
    alertsTopic: text(resourceInstance(monitoring, "aws_sns_topic", "alerts").known("name")),
    repositories: Object.fromEntries(
      resourceInstances(ecr, "aws_ecr_repository", "this").map((repository) => [
        text(repository.known("name")),
        {
          scanOnPush:
            repository.block("image_scanning_configuration").known("scan_on_push") === true,
          encryption: text(repository.block("encryption_configuration").known("encryption_type")),
          tagMutability: text(repository.known("image_tag_mutability")),
        },
      ]),
    ),
  };
}

function targetGroupFacts(group: HclNode): TargetGroupFacts {
  const check = group.block("health_check");
  return {
    port: number(group.known("port")),
    protocol: text(group.known("protocol")),
    targetType: text(group.known("target_type")),
    deregistrationDelaySeconds: number(group.known("deregistration_delay")),
    healthCheck: {
      path: text(check.known("path")),
      protocol: text(check.known("protocol")),
      matcher: text(check.known("matcher")),
      intervalSeconds: number(check.known("interval")),
      timeoutSeconds: number(check.known("timeout")),
      healthyThreshold: number(check.known("healthy_threshold")),
      unhealthyThreshold: number(check.known("unhealthy_threshold")),
    },
  };
}

/** `aws_lb_target_group.service["api-gateway"].arn` → that instance's name. */
function targetGroupName(alb: Scope, reference: unknown): string {
  const named = reference instanceof Unresolved ? reference.resource : undefined;
  if (named?.address !== "aws_lb_target_group.service") {
    throw new Error(`Expected a target group reference, got ${JSON.stringify(reference)}`);
  }
  return text(resourceInstance(alb, "aws_lb_target_group", "service", named.key).known("name"));
}

function containerFacts(container: Json): ContainerFacts {
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

function serviceFacts(ecs: Scope) {
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

function alarmFacts(alarm: HclNode): AlarmFacts {
  return {
    namespace: text(alarm.known("namespace")),
    metric: text(alarm.known("metric_name")),
    statistic: text(alarm.known("statistic")),
    periodSeconds: number(alarm.known("period")),
    evaluationPeriods: number(alarm.known("evaluation_periods")),
    threshold: number(alarm.known("threshold")),
    comparison: text(alarm.known("comparison_operator")),
    treatMissingData: text(alarm.known("treat_missing_data")),
    dimensions: Object.keys(alarm.body.dimensions ?? {}).sort(),
  };
}

/** Ingress and egress of every group, sources and destinations by group name. */
function securityGroups(network: Scope): Record<string, SecurityGroupFacts> {
  const groupName = (reference: unknown) => {
    const address = reference instanceof Unresolved ? reference.expression : "";
    const local = /^aws_security_group\.([\w-]+)\.id$/.exec(address)?.[1];
    if (!local)
      throw new Error(`Expected a security group reference, got ${JSON.stringify(reference)}`);
    return text(resourceInstance(network, "aws_security_group", local).known("name"));
  };
  const rules = (type: string, direction: "from" | "to") =>
    Object.keys(network.body.resource?.[type] ?? {}).map((name) => {
      const rule = resourceInstance(network, type, name);
      const peer =
        "cidr_ipv4" in rule.body
          ? text(rule.known("cidr_ipv4"))
          : groupName(rule.value("referenced_security_group_id"));
      return {
        group: groupName(rule.value("security_group_id")),
        rule: describeRule(rule, direction, peer),
      };
    });
  const groups: Record<string, { ingress: string[]; egress: string[] }> = {};
  for (const [kind, type, direction] of [
    ["ingress", "aws_vpc_security_group_ingress_rule", "from"],
    ["egress", "aws_vpc_security_group_egress_rule", "to"],
  ] as const) {
    for (const { group, rule } of rules(type, direction)) {
      groups[group] ??= { ingress: [], egress: [] };
      groups[group][kind].push(rule);
    }
  }
  return Object.fromEntries(
    Object.entries(groups).map(([name, g]) => [
      name,
      { ingress: g.ingress.sort(), egress: g.egress.sort() },
    ]),
  );
}

function describeRule(rule: HclNode, direction: "from" | "to", peer: string): string {
  const protocol = text(rule.known("ip_protocol"));
  if (protocol === "-1") return `all ${direction} ${peer}`;
  return `${protocol} ${number(rule.known("from_port"))}-${number(rule.known("to_port"))} ${direction} ${peer}`;
}

function text(value: unknown): string {
  if (typeof value !== "string") throw new Error(`Expected a string, got ${JSON.stringify(value)}`);
  return value;
}

function number(value: unknown): number {
  if (typeof value !== "number") throw new Error(`Expected a number, got ${JSON.stringify(value)}`);
  return value;
}
