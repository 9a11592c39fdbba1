import type { LineItem, Pricer, PricingContext } from "./cost-report.ts";
import { idleTaskCount } from "./ecs-services.ts";
import type { CfnValue } from "./stage-index.ts";

/** Container Insights bills its metrics as custom metrics and its events as log ingestion. */
export const priceContainerInsights: Pricer = {
  types: ["AWS::ECS::Cluster"],
  price: (context) => ({ items: clusterInsights(context) }),
};

function clusterInsights(context: PricingContext): LineItem[] {
  const { stage, prices, assume } = context;
  const insights = assume.containerInsights;
  return stage.ofType("AWS::ECS::Cluster").flatMap((cluster): LineItem[] => {
    const setting = (cluster.properties.ClusterSettings ?? []).find(
      (s: CfnValue) => s.Name === "containerInsights",
    )?.Value;
    if (setting !== "enabled" && setting !== "enhanced") return [];
    const services = stage
      .ofType("AWS::ECS::Service")
      .filter((service) => stage.referenced(service.properties.Cluster, service) === cluster);
    const tasks = services.map((service) =>
      stage.referenced(service.properties.TaskDefinition, service),
    );
    const families = new Set(tasks.map((task) => task?.properties.Family ?? task?.key));
    const metrics =
      insights.clusterMetrics.value +
      services.length * insights.serviceMetrics.value +
      families.size * insights.taskFamilyMetrics.value;
    const eventsPerMinute = services.reduce((sum, service, index) => {
      const containers = tasks[index]?.properties.ContainerDefinitions?.length ?? 1;
      return sum + idleTaskCount(service, context) * (1 + containers);
    }, 0);
    const gb =
      (eventsPerMinute * prices.hoursPerMonth * 60 * insights.eventBytesPerMinute.value) / 1e9;
    const name = cluster.properties.ClusterName ?? cluster.logicalId;
    return [
      {
        kind: "container-insights",
        item: `Container Insights (${setting}) of ${name}: metrics and performance events`,
        quantity: metrics,
        unit: `metric-month, + ${gb.toFixed(2)} GB of events`,
        monthlyUsd:
          metrics * prices.cloudWatch.customMetricMonth.usd +
          gb * prices.cloudWatch.logsIngestGb.usd,
        estimate: `${insights.clusterMetrics.value} per cluster, ${insights.serviceMetrics.value} per service, ${insights.taskFamilyMetrics.value} per task family; ${insights.eventBytesPerMinute.basis}${setting === "enhanced" ? "; enhanced observability bills more (per observation)" : ""}`,
        resources: [cluster.key],
      },
    ];
  });
}
