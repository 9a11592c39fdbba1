import { type CloudWatchClient, PutMetricDataCommand } from "@aws-sdk/client-cloudwatch";
import type { ProbeResult } from "./probe-endpoint.ts";

export const healthMetricName = "HealthCheck-HTTP";
export const responseTimeMetricName = "ResponseTime-HTTP";

export type MetricsClient = Pick<CloudWatchClient, "send">;

/**
 * Publishes the legacy pair of metrics: HealthCheck-HTTP is 1 only when every
 * probe passed, ResponseTime-HTTP is the slowest probe (what a user waits for).
 */
export async function publishCheckMetrics(
  client: MetricsClient,
  namespace: string,
  results: readonly ProbeResult[],
  timestamp: Date,
): Promise<void> {
  const healthy = results.length > 0 && results.every((result) => result.ok);
  const slowestMs = Math.max(0, ...results.map((result) => result.durationMs));
  await client.send(
    new PutMetricDataCommand({
      Namespace: namespace,
      MetricData: [
        {
          MetricName: healthMetricName,
          Value: healthy ? 1 : 0,
          Unit: "Count",
          Timestamp: timestamp,
        },
        {
          MetricName: responseTimeMetricName,
          Value: slowestMs,
          Unit: "Milliseconds",
          Timestamp: timestamp,
        },
      ],
    }),
  );
}
