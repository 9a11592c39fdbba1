import type { CfnValue } from "../infra/cloudformation.ts";
import type { StackName } from "../infra/synthesize-stage.ts";
import { containerFacts, serviceFacts } from "./cloudformation-ecs-facts.ts";
import { securityGroups } from "./cloudformation-network-facts.ts";
import { ofType, only, propsOf, refId } from "./cloudformation-resources.ts";
import {
  type AlarmFacts,
  type DeploymentFacts,
  isComparedAlarm,
  type TargetGroupFacts,
} from "./deployment-facts.ts";

/** Template JSON per stack (`template(name).toJSON()`): plain data a test can copy and change. */
export type StackTemplates = Readonly<Record<StackName, CfnValue>>;

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
      natGateways: ofType(network, "AWS::EC2::NatGateway").length,
      flowLogs: flowLogFacts(network),
    },
    loadBalancer: {
      name: lb.Name,
      scheme: lb.Scheme,
      http2: attribute(lb, "routing.http2.enabled") === "true",
      accessLogs: accessLogFacts(service, lb),
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
    dashboard: only(monitoring, "AWS::CloudWatch::Dashboard").DashboardName,
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

/** The VPC's only flow log and the retention of the log group it writes to. */
function flowLogFacts(network: CfnValue) {
  const flowLog = only(network, "AWS::EC2::FlowLog");
  return {
    trafficType: flowLog.TrafficType,
    retentionDays: propsOf(network, refId(flowLog.LogGroupName)).RetentionInDays,
  };
}

function attribute(lb: CfnValue, key: string): CfnValue {
  return lb.LoadBalancerAttributes?.find((a: CfnValue) => a.Key === key)?.Value;
}

/** The access-log attributes of the ALB and the bucket they name. */
function accessLogFacts(service: CfnValue, lb: CfnValue) {
  const bucket = propsOf(service, refId(attribute(lb, "access_logs.s3.bucket")));
  return {
    enabled: attribute(lb, "access_logs.s3.enabled") === "true",
    prefix: attribute(lb, "access_logs.s3.prefix"),
    retentionDays: bucket.LifecycleConfiguration.Rules[0].ExpirationInDays,
    encryption:
      bucket.BucketEncryption.ServerSideEncryptionConfiguration[0].ServerSideEncryptionByDefault
        .SSEAlgorithm,
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
