import type { CfnValue } from "../infra/cloudformation.ts";
import { ofType, only, propsOf, refId } from "./cloudformation-resources.ts";
import type { ContainerFacts, ServiceFacts } from "./deployment-facts.ts";

/** One entry of the task definition's ContainerDefinitions. */
export function containerFacts(container: CfnValue): ContainerFacts {
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

/** The ECS service, its load balancer registrations and its scaling, from the Service stack. */
export function serviceFacts(service: CfnValue): ServiceFacts {
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
