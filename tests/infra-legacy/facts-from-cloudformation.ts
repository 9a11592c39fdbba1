import type { CfnValue } from "../infra/cloudformation.ts";
import type { StackName } from "../infra/synthesize-stage.ts";
import {
  type AlarmFacts,
  type ContainerFacts,
  type DeploymentFacts,
  isComparedAlarm,
  type SecurityGroupFacts,
  type TargetGroupFacts,
} from "./deployment-facts.ts";

/** Template JSON per stack (`template(name).toJSON()`): plain data a test can copy and change. */
export type StackTemplates = Readonly<Record<StackName, CfnValue>>;

interface Resource {
  readonly id: string;
  readonly props: CfnValue;
}

const ofType = (template: CfnValue, type: string): Resource[] =>
  Object.entries<CfnValue>(template.Resources ?? {})
    .filter(([, resource]) => resource.Type === type)
    .map(([id, resource]) => ({ id, props: resource.Properties ?? {} }));

function only(template: CfnValue, type: string): CfnValue {
  const found = ofType(template, type);
  if (found.length !== 1 || !found[0])
    throw new Error(`Expected one ${type}, found ${found.length}`);
  return found[0].props;
}

/** `{ Ref }` or `{ Fn::GetAtt }` → the logical id. */
function refId(value: CfnValue): string {
  const id = value?.Ref ?? value?.["Fn::GetAtt"]?.[0];
  if (typeof id !== "string")
    throw new Error(`Expected a Ref or GetAtt, got ${JSON.stringify(value)}`);
  return id;
}

function propsOf(template: CfnValue, id: string): CfnValue {
  const resource = template.Resources?.[id];
  if (!resource) throw new Error(`No resource ${id}`);
  return resource.Properties ?? {};
}

/** Reads the same facts from the synthesized SST stacks of a stage. */
export function factsFromCloudFormation(templates: StackTemplates): DeploymentFacts {
  const {
    Network: network,
    Registry: registry,
    Service: service,
    Monitoring: monitoring,
  } = templates;
  const targetGroupName = (value: CfnValue) => propsOf(service, refId(value)).Name as string;
  const lb = only(service, "AWS::ElasticLoadBalancingV2::LoadBalancer");
  const listener = routingListener(service);
  const task = only(service, "AWS::ECS::TaskDefinition");
  const logGroup = only(service, "AWS::Logs::LogGroup");
  return {
    network: {
      vpcCidr: only(network, "AWS::EC2::VPC").CidrBlock,
      subnets: Object.fromEntries(
        ofType(network, "AWS::EC2::Subnet").map(({ props }) => {
          const tier = props.Tags.find((t: CfnValue) => t.Key === "aws-cdk:subnet-type").Value;
          return [`${String(tier).toLowerCase()} ${props.AvailabilityZone}`, props.CidrBlock];
        }),
      ),
      securityGroups: securityGroups(network),
    },
    loadBalancer: {
      name: lb.Name,
      scheme: lb.Scheme,
      http2:
        lb.LoadBalancerAttributes?.find((a: CfnValue) => a.Key === "routing.http2.enabled")
          ?.Value === "true",
    },
    listener: {
      port: listener.Port,
      protocol: listener.Protocol,
      defaultTargetGroup: targetGroupName(listener.DefaultActions[0].TargetGroupArn),
    },
    listenerRules: Object.fromEntries(
      ofType(service, "AWS::ElasticLoadBalancingV2::ListenerRule").map(({ props }) => [
        targetGroupName(props.Actions[0].TargetGroupArn),
        {
          priority: props.Priority,
          pathPatterns: props.Conditions.find((c: CfnValue) => c.Field === "path-pattern")
            .PathPatternConfig.Values,
        },
      ]),
    ),
    targetGroups: Object.fromEntries(
      ofType(service, "AWS::ElasticLoadBalancingV2::TargetGroup").map(({ props }) => [
        props.Name,
        targetGroupFacts(props),
      ]),
    ),
    task: {
      family: task.Family,
      cpu: Number(task.Cpu),
      memoryMiB: Number(task.Memory),
      containers: Object.fromEntries(
        task.ContainerDefinitions.map((c: CfnValue) => [c.Name, containerFacts(c)]),
      ),
    },
    cluster: {
      name: only(service, "AWS::ECS::Cluster").ClusterName,
      containerInsights:
        only(service, "AWS::ECS::Cluster").ClusterSettings?.find(
          (setting: CfnValue) => setting.Name === "containerInsights",
        )?.Value ?? "disabled",
    },
    service: serviceFacts(service),
    logGroup: { name: logGroup.LogGroupName, retentionDays: logGroup.RetentionInDays },
    alarms: Object.fromEntries(
      ofType(monitoring, "AWS::CloudWatch::Alarm")
        .filter(({ props }) => isComparedAlarm(props.Namespace))
        .map(({ props }) => [props.AlarmName, alarmFacts(props)]),
    ),
    alertsTopic: only(monitoring, "AWS::SNS::Topic").TopicName,
    repositories: Object.fromEntries(
      ofType(registry, "AWS::ECR::Repository").map(({ props }) => [
        props.RepositoryName,
        {
          scanOnPush: props.ImageScanningConfiguration?.ScanOnPush === true,
          encryption: props.EncryptionConfiguration?.EncryptionType,
          tagMutability: props.ImageTagMutability ?? "MUTABLE",
        },
      ]),
    ),
  };
}

/** The listener that forwards (with a certificate, HTTP 80 only redirects to HTTPS 443). */
function routingListener(service: CfnValue): CfnValue {
  const forwarding = ofType(service, "AWS::ElasticLoadBalancingV2::Listener").filter(
    ({ props }) => props.DefaultActions?.[0]?.Type === "forward",
  );
  if (forwarding.length !== 1 || !forwarding[0]) {
    throw new Error(`Expected one forwarding listener, found ${forwarding.length}`);
  }
  return forwarding[0].props;
}

function targetGroupFacts(props: CfnValue): TargetGroupFacts {
  const delay = props.TargetGroupAttributes?.find(
    (a: CfnValue) => a.Key === "deregistration_delay.timeout_seconds",
  )?.Value;
  return {
    port: props.Port,
    protocol: props.Protocol,
    targetType: props.TargetType,
    // 300 s is the ALB default when the attribute is absent.
    deregistrationDelaySeconds: Number(delay ?? 300),
    healthCheck: {
      path: props.HealthCheckPath,
      protocol: props.HealthCheckProtocol,
      matcher: props.Matcher?.HttpCode,
      intervalSeconds: props.HealthCheckIntervalSeconds,
      timeoutSeconds: props.HealthCheckTimeoutSeconds,
      healthyThreshold: props.HealthyThresholdCount,
      unhealthyThreshold: props.UnhealthyThresholdCount,
    },
  };
}

function containerFacts(container: CfnValue): ContainerFacts {
  const check = container.HealthCheck;
  return {
    port: container.PortMappings[0].ContainerPort,
    essential: container.Essential === true,
    logStreamPrefix: container.LogConfiguration.Options["awslogs-stream-prefix"],
    dependsOn: (container.DependsOn ?? [])
      .map((d: CfnValue) => `${d.ContainerName} ${d.Condition}`)
      .sort(),
    variables: Object.fromEntries([
      ...(container.Environment ?? []).map((e: CfnValue) => [e.Name, "plain"]),
      ...(container.Secrets ?? []).map((s: CfnValue) => [
        s.Name,
        `secret:${secretKey(s.ValueFrom)}`,
      ]),
    ]),
    healthCheck: {
      command: check.Command,
      intervalSeconds: check.Interval,
      timeoutSeconds: check.Timeout,
      retries: check.Retries,
      startPeriodSeconds: check.StartPeriod,
    },
  };
}

/** `{ Fn::Join: ["", [<secret>, ":password::"]] }` → `password`. */
function secretKey(valueFrom: CfnValue): string {
  const suffix = valueFrom?.["Fn::Join"]?.[1]?.at(-1);
  const key = typeof suffix === "string" ? /^:([\w-]+)::$/.exec(suffix)?.[1] : undefined;
  if (!key)
    throw new Error(
      `Expected a Secrets Manager JSON key reference, got ${JSON.stringify(valueFrom)}`,
    );
  return key;
}

function serviceFacts(service: CfnValue) {
  const ecsService = only(service, "AWS::ECS::Service");
  const deployment = ecsService.DeploymentConfiguration;
  const scaling = only(service, "AWS::ApplicationAutoScaling::ScalableTarget");
  return {
    name: ecsService.ServiceName,
    cluster: propsOf(service, refId(ecsService.Cluster)).ClusterName,
    desiredCount: ecsService.DesiredCount,
    launchType: ecsService.LaunchType,
    healthCheckGracePeriodSeconds: ecsService.HealthCheckGracePeriodSeconds,
    minimumHealthyPercent: deployment.MinimumHealthyPercent,
    maximumPercent: deployment.MaximumPercent,
    circuitBreaker: {
      enable: deployment.DeploymentCircuitBreaker?.Enable === true,
      rollback: deployment.DeploymentCircuitBreaker?.Rollback === true,
    },
    assignPublicIp:
      ecsService.NetworkConfiguration.AwsvpcConfiguration.AssignPublicIp === "ENABLED",
    loadBalancerTargets: Object.fromEntries(
      ecsService.LoadBalancers.map((target: CfnValue) => [
        target.ContainerName,
        target.ContainerPort,
      ]),
    ),
    autoscaling: {
      minCapacity: scaling.MinCapacity,
      maxCapacity: scaling.MaxCapacity,
      targets: Object.fromEntries(
        ofType(service, "AWS::ApplicationAutoScaling::ScalingPolicy").map(({ props }) => {
          const tracking = props.TargetTrackingScalingPolicyConfiguration;
          return [
            tracking.PredefinedMetricSpecification.PredefinedMetricType,
            tracking.TargetValue,
          ];
        }),
      ),
    },
  };
}

function alarmFacts(props: CfnValue): AlarmFacts {
  return {
    namespace: props.Namespace,
    metric: props.MetricName,
    statistic: props.Statistic,
    periodSeconds: props.Period,
    evaluationPeriods: props.EvaluationPeriods,
    threshold: props.Threshold,
    comparison: props.ComparisonOperator,
    treatMissingData: props.TreatMissingData ?? "missing",
    dimensions: (props.Dimensions ?? []).map((d: CfnValue) => d.Name).sort(),
  };
}

/** Inline and standalone rules of every named group, peers by group name, as in the HCL facts. */
function securityGroups(network: CfnValue): Record<string, SecurityGroupFacts> {
  const groups = ofType(network, "AWS::EC2::SecurityGroup");
  const nameOf = (value: CfnValue) => propsOf(network, refId(value)).GroupName as string;
  const describe = (rule: CfnValue, direction: "from" | "to", peer: string) =>
    rule.IpProtocol === "-1"
      ? `all ${direction} ${peer}`
      : `${rule.IpProtocol} ${rule.FromPort}-${rule.ToPort} ${direction} ${peer}`;
  const facts: Record<string, { ingress: string[]; egress: string[] }> = {};
  for (const { props } of groups) {
    facts[props.GroupName] = {
      ingress: (props.SecurityGroupIngress ?? []).map((r: CfnValue) =>
        describe(r, "from", r.CidrIp),
      ),
      egress: (props.SecurityGroupEgress ?? []).map((r: CfnValue) => describe(r, "to", r.CidrIp)),
    };
  }
  for (const { props } of ofType(network, "AWS::EC2::SecurityGroupIngress")) {
    facts[nameOf(props.GroupId)]?.ingress.push(
      describe(props, "from", nameOf(props.SourceSecurityGroupId)),
    );
  }
  for (const { props } of ofType(network, "AWS::EC2::SecurityGroupEgress")) {
    facts[nameOf(props.GroupId)]?.egress.push(
      describe(props, "to", nameOf(props.DestinationSecurityGroupId)),
    );
  }
  return Object.fromEntries(
    Object.entries(facts).map(([name, g]) => [
      name,
      { ingress: g.ingress.sort(), egress: g.egress.sort() },
    ]),
  );
}
