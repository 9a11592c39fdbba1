import {
  type AlarmFacts,
  type DeploymentFacts,
  isComparedAlarm,
  type TargetGroupFacts,
} from "./deployment-facts.ts";
import type { TerraformConfiguration } from "./load-terraform.ts";
import { number, text } from "./plan-time-values.ts";
import { containerFacts, serviceFacts } from "./terraform-ecs-facts.ts";
import { type Scope, Unresolved } from "./terraform-expressions.ts";
import {
  type HclNode,
  moduleScope,
  resourceInstance,
  resourceInstances,
} from "./terraform-module.ts";
import { securityGroups } from "./terraform-network-facts.ts";

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
      natGateways: resourceInstances(network, "aws_nat_gateway", "this").length,
      flowLogs: {
        trafficType: text(
          resourceInstance(network, "aws_flow_log", "rejected").known("traffic_type"),
        ),
        retentionDays: number(
          resourceInstance(network, "aws_cloudwatch_log_group", "flow_logs").known(
            "retention_in_days",
          ),
        ),
      },
    },
    loadBalancer: {
      name: text(lb.known("name")),
      scheme: lb.known("internal") === true ? "internal" : "internet-facing",
      http2: lb.known("enable_http2") === true,
      accessLogs: accessLogFacts(alb, lb),
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
        (task.known("container_definitions") as Record<string, unknown>[]).map((c) => [
          c.name,
          containerFacts(c),
        ]),
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
    dashboard: text(
      resourceInstance(monitoring, "aws_cloudwatch_dashboard", "this").known("dashboard_name"),
    ),
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

/** The access_logs block of the ALB and the bucket it names. */
function accessLogFacts(alb: Scope, lb: HclNode) {
  const logs = lb.block("access_logs");
  const bucket = logs.value("bucket");
  const name =
    bucket instanceof Unresolved
      ? /^aws_s3_bucket\.([\w-]+)\.id$/.exec(bucket.expression)?.[1]
      : undefined;
  if (!name) throw new Error(`Expected an aws_s3_bucket reference, got ${JSON.stringify(bucket)}`);
  const ofBucket = (type: string) => {
    const node = resourceInstance(alb, type, name);
    const target = node.value("bucket");
    if (!(target instanceof Unresolved) || target.expression !== `aws_s3_bucket.${name}.id`) {
      throw new Error(`${type}.${name} does not configure aws_s3_bucket.${name}`);
    }
    return node;
  };
  return {
    enabled: logs.known("enabled") === true,
    prefix: text(logs.known("prefix")),
    retentionDays: number(
      ofBucket("aws_s3_bucket_lifecycle_configuration")
        .block("rule")
        .block("expiration")
        .known("days"),
    ),
    encryption: text(
      ofBucket("aws_s3_bucket_server_side_encryption_configuration")
        .block("rule")
        .block("apply_server_side_encryption_by_default")
        .known("sse_algorithm"),
    ),
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
