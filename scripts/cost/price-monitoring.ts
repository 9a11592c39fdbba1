import type { LineItem, MarginalItem, Pricer, PricingContext } from "./cost-report.ts";
import { customMetricsOf } from "./custom-metrics.ts";
import type { CfnValue, StageResource } from "./stage-index.ts";

/** Billed metrics of an alarm: one, or each metric a metric-math alarm reads; high-res if < 60 s. */
function alarmMetrics(alarm: StageResource): { count: number; highResolution: boolean } {
  const stats = (alarm.properties.Metrics ?? []).filter((metric: CfnValue) => metric.MetricStat);
  const periods = [
    alarm.properties.Period,
    ...stats.map((metric: CfnValue) => metric.MetricStat.Period),
  ];
  return {
    count: Math.max(1, stats.length),
    highResolution: periods.some((period) => period !== undefined && Number(period) < 60),
  };
}

/** CloudWatch alarms, dashboards and custom metrics; log groups and topics cost only by use. */
export const priceMonitoring: Pricer = {
  types: [
    "AWS::CloudWatch::Alarm",
    "AWS::CloudWatch::CompositeAlarm",
    "AWS::CloudWatch::Dashboard",
    "AWS::ApplicationAutoScaling::ScalingPolicy",
    "AWS::Logs::LogGroup",
    "AWS::Logs::MetricFilter",
    "AWS::SNS::Topic",
  ],
  price: (context) => {
    const { stage, prices } = context;
    const cw = prices.cloudWatch;
    const items: LineItem[] = [];
    const alarms = stage.ofType("AWS::CloudWatch::Alarm").map(alarmMetrics);
    // Target tracking creates a high and a low alarm of its own.
    const tracking = stage
      .ofType("AWS::ApplicationAutoScaling::ScalingPolicy")
      .filter((policy) => policy.properties.PolicyType === "TargetTrackingScaling");
    const standard =
      alarms.filter((a) => !a.highResolution).reduce((sum, a) => sum + a.count, 0) +
      2 * tracking.length;
    const highResolution = alarms
      .filter((a) => a.highResolution)
      .reduce((sum, a) => sum + a.count, 0);
    const composite = stage.ofType("AWS::CloudWatch::CompositeAlarm").length;
    const notes = [
      tracking.length > 0 ? `${2 * tracking.length} made by target tracking` : "",
      highResolution > 0 ? `${highResolution} high-resolution` : "",
      composite > 0 ? `${composite} composite` : "",
    ].filter(Boolean);
    if (standard + highResolution + composite > 0) {
      items.push({
        kind: "alarms",
        item: ["CloudWatch alarms", ...notes].join(", "),
        quantity: standard + highResolution + composite,
        unit: "alarm metric-month",
        monthlyUsd:
          standard * cw.standardAlarmMonth.usd +
          highResolution * cw.highResolutionAlarmMonth.usd +
          composite * cw.compositeAlarmMonth.usd,
        resources: [
          ...stage.ofType("AWS::CloudWatch::Alarm"),
          ...stage.ofType("AWS::CloudWatch::CompositeAlarm"),
          ...tracking,
        ].map((r) => r.key),
      });
    }
    const dashboards = stage.ofType("AWS::CloudWatch::Dashboard");
    if (dashboards.length > 0) {
      items.push({
        kind: "dashboards",
        item: "CloudWatch dashboards (the account's 3 free not counted)",
        quantity: dashboards.length,
        unit: "dashboard-month",
        monthlyUsd: dashboards.length * cw.dashboardMonth.usd,
        resources: dashboards.map((d) => d.key),
      });
    }
    const custom = customMetricsOf(stage);
    if (custom.metrics.length > 0) {
      items.push({
        kind: "custom-metrics",
        item: `Custom metrics: ${custom.metrics.join(", ")}`,
        quantity: custom.metrics.length,
        unit: "metric-month",
        monthlyUsd: custom.metrics.length * cw.customMetricMonth.usd,
        resources: custom.sources.map((r) => r.key),
      });
    }
    const quiet = [...stage.ofType("AWS::Logs::LogGroup"), ...stage.ofType("AWS::SNS::Topic")];
    if (quiet.length > 0) {
      items.push({
        kind: "logs-and-topics",
        item: "Log groups and SNS topics: idle ingestion is priced at its source; no publishes",
        quantity: quiet.length,
        unit: "log group or topic",
        monthlyUsd: 0,
        resources: quiet.map((r) => r.key),
      });
    }
    return { items, marginal: requestLogs(context) };
  },
};

function requestLogs({ stage, prices, assume }: PricingContext): MarginalItem[] {
  if (stage.ofType("AWS::Logs::LogGroup").length === 0) return [];
  const gb = (1e6 * assume.requestLogBytes.value) / 1e9;
  return [
    {
      kind: "request-logs",
      item: "CloudWatch Logs ingestion of request logs",
      perMillionUsd: gb * prices.cloudWatch.logsIngestGb.usd,
      assumption: `${gb.toFixed(2)} GB: ${assume.requestLogBytes.basis}`,
    },
  ];
}
