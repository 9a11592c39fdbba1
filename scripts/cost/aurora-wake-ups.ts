import type { AuroraCluster } from "./aurora-clusters.ts";
import type { LineItem, PricingContext } from "./cost-report.ts";
import { lambdaTargetsOf, loadBalancersOf } from "./load-balancer-topology.ts";
import { roleAllows } from "./role-allows.ts";

/**
 * A cluster with min 0 pauses only after `pauseSeconds` without connections: each periodic
 * request that reaches it keeps it awake at ≥ 0.5 ACU that long. A request through a load
 * balancer to Lambda targets, a health check of one, or a scheduled function whose role may
 * `rds-db:connect` (IAM authentication: it signs in to the database) is taken to reach it (the
 * conservative reading); any other schedule is a warning with its price.
 */
export function priceWakeUps(
  context: PricingContext,
  aurora: AuroraCluster,
  acuHour: number,
): { items: LineItem[]; warnings: string[] } {
  const { stage, prices, assume, periodic, monthly } = context;
  const items: LineItem[] = [];
  const warnings: string[] = [];
  if (aurora.minAcu > 0 || aurora.serverless.length === 0) return { items, warnings };
  const lambdaGroups = stage
    .ofType("AWS::ElasticLoadBalancingV2::TargetGroup")
    .filter((group) => lambdaTargetsOf(group, stage).length > 0);
  const lambdaTargets = new Set(lambdaGroups.flatMap((group) => lambdaTargetsOf(group, stage)));
  const lambdaLoadBalancers = new Set(
    lambdaGroups.flatMap((group) => loadBalancersOf(group, stage)),
  );
  const awakeMonthly =
    aurora.serverless.length * assume.auroraActiveMinimumAcu.value * monthly(acuHour);
  const share = (runs: number) =>
    Math.min(1, (runs * aurora.pauseSeconds) / (prices.hoursPerMonth * 3_600));
  const reaching = periodic.filter(
    (run) =>
      lambdaTargets.has(run.function) ||
      run.callsLoadBalancers.some((lb) => lambdaLoadBalancers.has(lb)) ||
      roleAllows(run.function, stage, ["rds-db:connect"]),
  );
  for (const run of periodic.filter((candidate) => !reaching.includes(candidate))) {
    warnings.push(
      `${run.function.key} runs every ${Math.round((prices.hoursPerMonth * 3_600) / run.runsPerMonth)} s: if it reaches ${aurora.cluster.key}, add up to $${(share(run.runsPerMonth) * awakeMonthly).toFixed(2)}/month`,
    );
  }
  if (reaching.length > 0) {
    const awake = Math.min(
      1,
      reaching.reduce((sum, run) => sum + share(run.runsPerMonth), 0),
    );
    items.push({
      kind: "aurora-wake-ups",
      item: `Aurora ${aurora.cluster.logicalId} woken by ${reaching.map((run) => run.source.logicalId).join(", ")}`,
      quantity: awake,
      unit: `month awake at ${assume.auroraActiveMinimumAcu.value} ACU (pause after ${aurora.pauseSeconds} s)`,
      monthlyUsd: awake * awakeMonthly,
      estimate:
        "periodic requests to Lambda targets, and scheduled functions that may rds-db:connect, are taken to reach the database; connections close when idle",
      resources: [aurora.cluster.key, ...reaching.map((run) => run.source.key)],
    });
  }
  return { items, warnings };
}
