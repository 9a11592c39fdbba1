import type {
  LineItem,
  MarginalItem,
  PeriodicInvocation,
  Pricer,
  PricingContext,
} from "./cost-report.ts";
import { lambdaTargetsOf } from "./load-balancer-topology.ts";
import { roleAllows } from "./role-allows.ts";
import type { StageResource } from "./stage-index.ts";

const memoryGb = (fn: StageResource) => Number(fn.properties.MemorySize ?? 128) / 1024;
const isArm = (fn: StageResource) => (fn.properties.Architectures ?? []).includes("arm64");
const nameOf = (fn: StageResource) => fn.properties.FunctionName ?? fn.logicalId;

/** One run: the request (and Scheduler's trigger), its duration, its log lines, a metric put. */
/** How long one run lasts: a health check, a scheduled run, or one that resumes the database. */
function runSeconds(
  { function: fn, source }: PeriodicInvocation,
  { stage, assume }: PricingContext,
) {
  if (source.type === "AWS::ElasticLoadBalancingV2::TargetGroup")
    return assume.healthCheckRunSeconds;
  return roleAllows(fn, stage, ["rds-db:connect"])
    ? assume.scheduledDatabaseRunSeconds
    : assume.scheduledRunSeconds;
}

function costPerRun(run: PeriodicInvocation, context: PricingContext): number {
  const { stage, prices, assume } = context;
  const fn = run.function;
  const scheduled = run.source.type !== "AWS::ElasticLoadBalancingV2::TargetGroup";
  const seconds = runSeconds(run, context).value;
  const gbSecond = (isArm(fn) ? prices.lambda.armGbSecond : prices.lambda.x86GbSecond).usd;
  const trigger =
    run.source.type === "AWS::Scheduler::Schedule"
      ? prices.messaging.schedulerInvocationsMillion.usd / 1e6
      : 0;
  // A function allowed to put metrics is taken to call PutMetricData once a run.
  const metricPuts =
    scheduled && roleAllows(fn, stage, ["cloudwatch:PutMetricData"])
      ? assume.putMetricDataPerRun.value
      : 0;
  return (
    prices.lambda.requestsMillion.usd / 1e6 +
    trigger +
    seconds * memoryGb(fn) * gbSecond +
    (assume.logBytesPerInvocation.value / 1e9) * prices.cloudWatch.logsIngestGb.usd +
    (metricPuts / 1_000) * prices.cloudWatch.metricApiThousand.usd
  );
}

/** Lambda: idle costs only what is scheduled, health-checked or kept provisioned. */
export const priceLambda: Pricer = {
  types: [
    "AWS::Lambda::Function",
    "AWS::Lambda::Alias",
    "AWS::Lambda::Version",
    "AWS::Scheduler::Schedule",
  ],
  price: (context) => {
    const { stage, assume, periodic } = context;
    const items: LineItem[] = [];
    const onDemand: StageResource[] = [];
    for (const fn of stage.ofType("AWS::Lambda::Function")) {
      const runs = periodic.filter((run) => run.function === fn);
      if (runs.length === 0) {
        onDemand.push(fn);
        continue;
      }
      const usd = runs.reduce((sum, run) => sum + run.runsPerMonth * costPerRun(run, context), 0);
      const count = runs.reduce((sum, run) => sum + run.runsPerMonth, 0);
      items.push({
        kind: "lambda-periodic",
        item: `Lambda ${nameOf(fn)}: runs, duration, logs of ${runs.map((run) => run.source.logicalId).join(", ")}`,
        quantity: Math.round(count),
        unit: `invocation a month (${isArm(fn) ? "arm64" : "x86_64"}, ${memoryGb(fn) * 1024} MB)`,
        monthlyUsd: usd,
        estimate: `${[...new Set(runs.map((run) => runSeconds(run, context).basis))].join("; ")}; ${assume.logBytesPerInvocation.basis}`,
        resources: [fn.key, ...runs.map((run) => run.source.key)],
      });
    }
    if (onDemand.length > 0) {
      items.push({
        kind: "lambda-on-demand",
        item: "Lambda functions run only by requests or deploys",
        quantity: onDemand.length,
        unit: "function",
        monthlyUsd: 0,
        resources: onDemand.map((fn) => fn.key),
      });
    }
    return {
      items: [...items, ...provisionedConcurrency(context)],
      marginal: lambdaMarginal(context),
    };
  },
};

function provisionedConcurrency({ stage, prices, monthly }: PricingContext): LineItem[] {
  return [...stage.ofType("AWS::Lambda::Alias"), ...stage.ofType("AWS::Lambda::Version")].flatMap(
    (holder): LineItem[] => {
      const executions = Number(
        holder.properties.ProvisionedConcurrencyConfig?.ProvisionedConcurrentExecutions ?? 0,
      );
      const fn = stage.referenced(holder.properties.FunctionName, holder);
      if (executions === 0 || !fn) return [];
      const rate = isArm(fn)
        ? prices.lambda.armProvisionedGbSecond
        : prices.lambda.x86ProvisionedGbSecond;
      return [
        {
          kind: "lambda-provisioned-concurrency",
          item: `Provisioned concurrency of ${nameOf(fn)}`,
          quantity: executions,
          unit: `environment × ${memoryGb(fn) * 1024} MB × ${prices.hoursPerMonth} h`,
          monthlyUsd: executions * memoryGb(fn) * monthly(rate.usd * 3_600),
          ...(rate.estimate ? { estimate: rate.estimate } : {}),
          resources: [holder.key, fn.key],
        },
      ];
    },
  );
}

/** A request routed to a Lambda target: one invocation at the largest target's memory. */
function lambdaMarginal({ stage, prices, assume }: PricingContext): MarginalItem[] {
  const targets = stage
    .ofType("AWS::ElasticLoadBalancingV2::TargetGroup")
    .flatMap((group) => lambdaTargetsOf(group, stage));
  const largest = targets.sort((a, b) => memoryGb(b) - memoryGb(a))[0];
  if (!largest) return [];
  const seconds = assume.requestLambdaSeconds.value;
  const gbSecond = (isArm(largest) ? prices.lambda.armGbSecond : prices.lambda.x86GbSecond).usd;
  return [
    {
      kind: "lambda-requests",
      item: `Lambda targets (${new Set(targets).size}): requests and duration`,
      perMillionUsd:
        prices.lambda.requestsMillion.usd + 1e6 * seconds * memoryGb(largest) * gbSecond,
      assumption: `${assume.requestLambdaSeconds.basis}; ${memoryGb(largest) * 1024} MB ${isArm(largest) ? "arm64" : "x86_64"}; no cold starts`,
    },
  ];
}
