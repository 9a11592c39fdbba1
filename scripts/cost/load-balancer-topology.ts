import type { CfnValue, StageIndex, StageResource } from "./stage-index.ts";
import { listLength } from "./stage-index.ts";
import type { UsageAssumptions } from "./usage-assumptions.ts";

/** Availability zones a load balancer has a node (and, internet-facing, a public IPv4) in. */
export function zoneCount(loadBalancer: StageResource, assume: UsageAssumptions): number {
  const { Subnets, SubnetMappings } = loadBalancer.properties;
  return listLength(Subnets) ?? listLength(SubnetMappings) ?? assume.defaultAzCount.value;
}

const forwardedTargetGroups = (actions: CfnValue): CfnValue[] =>
  (Array.isArray(actions) ? actions : []).flatMap((action: CfnValue) => [
    ...(action?.TargetGroupArn === undefined ? [] : [action.TargetGroupArn]),
    ...(action?.ForwardConfig?.TargetGroups ?? []).map((group: CfnValue) => group.TargetGroupArn),
  ]);

/** The load balancers whose listeners (default action or rules) forward to `targetGroup`. */
export function loadBalancersOf(targetGroup: StageResource, stage: StageIndex): StageResource[] {
  const forwardsHere = (actions: CfnValue, from: StageResource) =>
    forwardedTargetGroups(actions).some((arn) => stage.referenced(arn, from) === targetGroup);
  const listeners = [
    ...stage
      .ofType("AWS::ElasticLoadBalancingV2::Listener")
      .filter((listener) => forwardsHere(listener.properties.DefaultActions, listener)),
    ...stage
      .ofType("AWS::ElasticLoadBalancingV2::ListenerRule")
      .filter((rule) => forwardsHere(rule.properties.Actions, rule))
      .map((rule) => stage.referenced(rule.properties.ListenerArn, rule)),
  ];
  const loadBalancers = listeners.flatMap((listener) => {
    const loadBalancer =
      listener && stage.referenced(listener.properties.LoadBalancerArn, listener);
    return loadBalancer ? [loadBalancer] : [];
  });
  return [...new Set(loadBalancers)];
}

/** Lambda functions a `lambda` target group sends requests to. */
export function lambdaTargetsOf(targetGroup: StageResource, stage: StageIndex): StageResource[] {
  if (targetGroup.properties.TargetType !== "lambda") return [];
  return (targetGroup.properties.Targets ?? []).flatMap((target: CfnValue) => {
    const fn = stage.referenced(target.Id, targetGroup);
    return fn?.type === "AWS::Lambda::Function" ? [fn] : [];
  });
}

/** Health checks an ALB sends each target a month: every node checks every target. */
export function healthChecksPerTargetMonth(
  targetGroup: StageResource,
  stage: StageIndex,
  assume: UsageAssumptions,
  hoursPerMonth: number,
): number {
  const isLambda = targetGroup.properties.TargetType === "lambda";
  // Lambda target groups check nothing unless told to; the others always do.
  const enabled = targetGroup.properties.HealthCheckEnabled ?? !isLambda;
  if (enabled === false || enabled === "false") return 0;
  const interval = Number(
    targetGroup.properties.HealthCheckIntervalSeconds ?? (isLambda ? 35 : 30),
  );
  const loadBalancers = loadBalancersOf(targetGroup, stage);
  const nodes = loadBalancers.reduce((sum, lb) => sum + zoneCount(lb, assume), 0);
  return (nodes * hoursPerMonth * 3_600) / interval;
}
