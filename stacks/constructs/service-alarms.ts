import { Duration } from "aws-cdk-lib";
import * as cloudwatch from "aws-cdk-lib/aws-cloudwatch";
import * as actions from "aws-cdk-lib/aws-cloudwatch-actions";
import type * as ecs from "aws-cdk-lib/aws-ecs";
import * as elbv2 from "aws-cdk-lib/aws-elasticloadbalancingv2";
import type * as sns from "aws-cdk-lib/aws-sns";
import { Construct } from "constructs";
import type { AlarmConfig } from "../config/stage-config.ts";

export interface ServiceAlarmsProps {
  /** Alarm names start with it, e.g. `dev-stockwiz`. */
  readonly namePrefix: string;
  readonly service: ecs.FargateService;
  readonly loadBalancer: elbv2.ApplicationLoadBalancer;
  /** Keyed by the name the alarm should carry, e.g. `dev-api-gw-tg`. */
  readonly targetGroups: Readonly<Record<string, elbv2.ApplicationTargetGroup>>;
  /** HealthCheck-HTTP of the synthetic check (1 healthy, 0 failed). */
  readonly syntheticHealth: cloudwatch.IMetric;
  readonly thresholds: AlarmConfig;
  readonly topic: sns.ITopic;
}

/** Legacy's alarms (CPU, memory, unhealthy targets, target 5xx) plus the synthetic check, all to SNS. */
export class ServiceAlarms extends Construct {
  public readonly alarms: readonly cloudwatch.Alarm[];

  constructor(scope: Construct, id: string, props: ServiceAlarmsProps) {
    super(scope, id);
    const { thresholds: t } = props;
    const period = Duration.seconds(t.periodSeconds);
    const above = (
      alarmId: string,
      alarmName: string,
      metric: cloudwatch.IMetric,
      threshold: number,
      alarmDescription: string,
    ) =>
      new cloudwatch.Alarm(this, alarmId, {
        alarmName,
        alarmDescription,
        metric,
        threshold,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
        evaluationPeriods: t.evaluationPeriods,
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      });

    const alarms = [
      above(
        "CpuHigh",
        `${props.namePrefix}-cpu-high`,
        props.service.metricCpuUtilization({ period, statistic: cloudwatch.Stats.AVERAGE }),
        t.cpuPercent,
        `Service CPU above ${t.cpuPercent} %`,
      ),
      above(
        "MemoryHigh",
        `${props.namePrefix}-memory-high`,
        props.service.metricMemoryUtilization({ period, statistic: cloudwatch.Stats.AVERAGE }),
        t.memoryPercent,
        `Service memory above ${t.memoryPercent} %`,
      ),
      ...Object.entries(props.targetGroups).map(([name, targetGroup]) =>
        above(
          `UnhealthyHosts-${name}`,
          `${name}-unhealthy-hosts`,
          targetGroup.metrics.unhealthyHostCount({ period, statistic: cloudwatch.Stats.MAXIMUM }),
          t.unhealthyHosts,
          `Unhealthy targets in ${name}`,
        ),
      ),
      above(
        "Target5xx",
        `${props.namePrefix}-target-5xx`,
        props.loadBalancer.metrics.httpCodeTarget(elbv2.HttpCodeTarget.TARGET_5XX_COUNT, {
          period,
          statistic: cloudwatch.Stats.SUM,
        }),
        t.target5xxCount,
        `More than ${t.target5xxCount} target 5xx answers per period`,
      ),
      new cloudwatch.Alarm(this, "SyntheticCheckFailing", {
        alarmName: `${props.namePrefix}-synthetic-check-failing`,
        alarmDescription: "GET /health or /api/products through the ALB failed",
        metric: props.syntheticHealth,
        threshold: 1,
        comparisonOperator: cloudwatch.ComparisonOperator.LESS_THAN_THRESHOLD,
        evaluationPeriods: t.evaluationPeriods,
        // No data means the checker itself stopped: that is an outage of our eyes.
        treatMissingData: cloudwatch.TreatMissingData.BREACHING,
      }),
    ];
    const notify = new actions.SnsAction(props.topic);
    for (const alarm of alarms) {
      alarm.addAlarmAction(notify);
      alarm.addOkAction(notify);
    }
    this.alarms = alarms;
  }
}
