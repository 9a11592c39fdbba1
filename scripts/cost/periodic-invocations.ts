import type { PeriodicInvocation } from "./cost-report.ts";
import { healthChecksPerTargetMonth, lambdaTargetsOf } from "./load-balancer-topology.ts";
import { runsPerMonth } from "./schedule-expression.ts";
import type { CfnValue, StageIndex, StageResource } from "./stage-index.ts";
import type { UsageAssumptions } from "./usage-assumptions.ts";

/**
 * The Lambda invocations a stage makes with no user traffic: EventBridge rules and Scheduler
 * schedules that target a function, and health checks of Lambda target groups.
 * A schedule the parser cannot read is returned in `unreadable`, never dropped.
 */
export function findPeriodicInvocations(
  stage: StageIndex,
  assume: UsageAssumptions,
  hoursPerMonth: number,
): { invocations: PeriodicInvocation[]; unreadable: StageResource[] } {
  const invocations: PeriodicInvocation[] = [];
  const unreadable: StageResource[] = [];
  const add = (fn: StageResource | undefined, source: StageResource, runs: number) => {
    if (fn?.type !== "AWS::Lambda::Function" || runs <= 0) return;
    const environment = fn.properties.Environment?.Variables ?? {};
    const callsLoadBalancers = stage
      .referencedWithin(environment, fn)
      .filter((resource) => resource.type === "AWS::ElasticLoadBalancingV2::LoadBalancer");
    invocations.push({ function: fn, source, runsPerMonth: runs, callsLoadBalancers });
  };

  const scheduled = [
    ...stage.ofType("AWS::Events::Rule").map((rule) => ({
      source: rule,
      targets: (rule.properties.Targets ?? []).map((target: CfnValue) => target.Arn),
    })),
    ...stage.ofType("AWS::Scheduler::Schedule").map((schedule) => ({
      source: schedule,
      targets: [schedule.properties.Target?.Arn],
    })),
  ];
  for (const { source, targets } of scheduled) {
    const expression = source.properties.ScheduleExpression;
    if (expression === undefined || source.properties.State === "DISABLED") continue;
    const runs =
      typeof expression === "string" ? runsPerMonth(expression, hoursPerMonth) : undefined;
    if (runs === undefined) {
      unreadable.push(source);
      continue;
    }
    for (const arn of targets) add(stage.referenced(arn, source), source, runs);
  }

  for (const targetGroup of stage.ofType("AWS::ElasticLoadBalancingV2::TargetGroup")) {
    const runs = healthChecksPerTargetMonth(targetGroup, stage, assume, hoursPerMonth);
    for (const fn of lambdaTargetsOf(targetGroup, stage)) add(fn, targetGroup, runs);
  }
  return { invocations, unreadable };
}
