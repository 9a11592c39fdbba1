import { Duration } from "aws-cdk-lib";
import * as cloudwatch from "aws-cdk-lib/aws-cloudwatch";
import type * as ecs from "aws-cdk-lib/aws-ecs";
import * as elbv2 from "aws-cdk-lib/aws-elasticloadbalancingv2";
import { Construct } from "constructs";

export interface ServiceDashboardProps {
  readonly dashboardName: string;
  readonly service: ecs.FargateService;
  readonly loadBalancer: elbv2.ApplicationLoadBalancer;
  readonly targetGroups: Readonly<Record<string, elbv2.ApplicationTargetGroup>>;
  readonly syntheticHealth: cloudwatch.IMetric;
  readonly syntheticResponseTime: cloudwatch.IMetric;
  readonly alarms: readonly cloudwatch.IAlarm[];
}

/** One page for on-call: alarms, synthetic check, traffic, errors, resources, target health. */
export class ServiceDashboard extends Construct {
  public readonly dashboard: cloudwatch.Dashboard;

  constructor(scope: Construct, id: string, props: ServiceDashboardProps) {
    super(scope, id);
    const period = Duration.minutes(5);
    const lb = props.loadBalancer.metrics;
    this.dashboard = new cloudwatch.Dashboard(this, "Dashboard", {
      dashboardName: props.dashboardName,
      defaultInterval: Duration.hours(6),
    });
    this.dashboard.addWidgets(
      new cloudwatch.AlarmStatusWidget({ title: "Alarms", alarms: [...props.alarms], width: 24 }),
    );
    this.dashboard.addWidgets(
      new cloudwatch.GraphWidget({
        title: "Synthetic check (1 = healthy)",
        left: [props.syntheticHealth],
      }),
      new cloudwatch.GraphWidget({
        title: "Synthetic response time (ms)",
        left: [props.syntheticResponseTime],
      }),
      new cloudwatch.GraphWidget({
        title: "Requests and target 5xx",
        left: [lb.requestCount({ period })],
        right: [lb.httpCodeTarget(elbv2.HttpCodeTarget.TARGET_5XX_COUNT, { period })],
      }),
    );
    this.dashboard.addWidgets(
      new cloudwatch.GraphWidget({
        title: "Service CPU and memory (%)",
        left: [
          props.service.metricCpuUtilization({ period }),
          props.service.metricMemoryUtilization({ period }),
        ],
      }),
      new cloudwatch.GraphWidget({
        title: "Target response time (p95)",
        left: [lb.targetResponseTime({ period, statistic: cloudwatch.Stats.p(95) })],
      }),
      new cloudwatch.GraphWidget({
        title: "Healthy / unhealthy targets",
        left: Object.values(props.targetGroups).map((tg) =>
          tg.metrics.healthyHostCount({ period }),
        ),
        right: Object.values(props.targetGroups).map((tg) =>
          tg.metrics.unhealthyHostCount({ period }),
        ),
      }),
    );
  }
}
