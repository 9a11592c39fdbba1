import type { CfnValue, StageIndex, StageResource } from "./stage-index.ts";

/**
 * Custom metrics a stage pays for, read from what watches them: alarms and dashboard widgets
 * on a namespace outside `AWS/`, and metric filters. Each namespace + name + dimensions is one.
 */
export function customMetricsOf(stage: StageIndex): {
  metrics: string[];
  sources: StageResource[];
} {
  const metrics = new Map<string, StageResource>();
  const add = (namespace: unknown, name: unknown, dimensions: unknown, source: StageResource) => {
    if (typeof namespace !== "string" || typeof name !== "string" || namespace.startsWith("AWS/"))
      return;
    const key = `${namespace}/${name}${dimensions === undefined || JSON.stringify(dimensions) === "[]" ? "" : ` ${JSON.stringify(dimensions)}`}`;
    if (!metrics.has(key)) metrics.set(key, source);
  };

  for (const alarm of stage.ofType("AWS::CloudWatch::Alarm")) {
    const { Namespace, MetricName, Dimensions, Metrics } = alarm.properties;
    add(Namespace, MetricName, dimensionValues(Dimensions), alarm);
    for (const metric of Metrics ?? []) {
      const stat = metric.MetricStat?.Metric;
      if (stat) add(stat.Namespace, stat.MetricName, dimensionValues(stat.Dimensions), alarm);
    }
  }
  for (const dashboard of stage.ofType("AWS::CloudWatch::Dashboard")) {
    for (const row of dashboardMetricRows(dashboard.properties.DashboardBody)) {
      add(
        row[0],
        row[1],
        row.slice(2).filter((part) => typeof part === "string"),
        dashboard,
      );
    }
  }
  for (const filter of stage.ofType("AWS::Logs::MetricFilter")) {
    for (const transformation of filter.properties.MetricTransformations ?? []) {
      add(transformation.MetricNamespace, transformation.MetricName, undefined, filter);
    }
  }
  return { metrics: [...metrics.keys()], sources: [...new Set(metrics.values())] };
}

/** Alarm dimensions as a flat [name, value, …] list, values that are intrinsics as "?". */
const dimensionValues = (dimensions: CfnValue): string[] =>
  (dimensions ?? []).flatMap((d: CfnValue) => [
    d.Name,
    typeof d.Value === "string" ? d.Value : "?",
  ]);

/**
 * The `metrics` rows of a dashboard body written as a string or an `Fn::Join` of strings and
 * intrinsics (which sit inside JSON strings, so a placeholder keeps the JSON valid).
 * `"."` and `"..."` repeat the row above, as CloudWatch reads them.
 */
function dashboardMetricRows(body: CfnValue): unknown[][] {
  const text =
    typeof body === "string"
      ? body
      : Array.isArray(body?.["Fn::Join"]?.[1])
        ? body["Fn::Join"][1]
            .map((part: CfnValue) => (typeof part === "string" ? part : "?"))
            .join(body["Fn::Join"][0])
        : undefined;
  if (text === undefined) return [];
  let parsed: CfnValue;
  try {
    parsed = JSON.parse(text);
  } catch {
    return [];
  }
  const rows: unknown[][] = [];
  for (const widget of parsed?.widgets ?? []) {
    let previous: unknown[] = [];
    for (const row of widget?.properties?.metrics ?? []) {
      if (!Array.isArray(row)) continue;
      const expanded = row[0] === "..." ? [...previous.slice(0, 2), ...row.slice(1)] : row;
      const filled = expanded.map((part, index) => (part === "." ? previous[index] : part));
      rows.push(filled);
      previous = filled;
    }
  }
  return rows;
}
