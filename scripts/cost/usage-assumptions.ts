/**
 * What a template cannot say and the price needs: how long a function runs, how many bytes a
 * request logs, how much an empty database stores. Every figure here is an estimate; the line
 * items built on them are marked so, with the basis given here.
 */
export interface Assumption {
  readonly value: number;
  readonly basis: string;
}

const assume = (value: number, basis: string): Assumption => ({ value, basis });

export const usageAssumptions = {
  // Idle: no user traffic. What still runs is what the templates schedule or health-check.
  scheduledRunSeconds: assume(1, "a scheduled function runs ≤ 1 s (two probes and a metric put)"),
  scheduledDatabaseRunSeconds: assume(
    16,
    "a scheduled run that signs in to a paused Aurora waits ~15 s for it to resume, then runs ≤ 1 s",
  ),
  healthCheckRunSeconds: assume(0.05, "a Lambda health check answers in ≤ 50 ms"),
  logBytesPerInvocation: assume(1024, "START/END/REPORT lines plus one app line per invocation"),
  /** An app that logs its health-check requests writes about one JSON line per check. */
  healthCheckLogBytes: assume(500, "one request log line per ALB health check of a container"),
  putMetricDataPerRun: assume(1, "a function allowed cloudwatch:PutMetricData calls it once a run"),
  flowLogRejectGbMonth: assume(0.1, "REJECT-only flow logs: internet scans of a few public IPs"),
  flowLogAllGbMonth: assume(1, "ALL-traffic flow logs of an idle VPC"),
  albLogFilesPerNodeHour: assume(12, "an ALB node writes an access-log file every 5 minutes"),
  ecrGbPerRepository: assume(0.5, "compressed unique layers of one repository's kept images"),
  auroraStorageGb: assume(1, "an Aurora cluster volume with the catalog and a small dataset"),
  defaultAzCount: assume(2, "subnets not listed in the template: one per AZ, two AZs"),
  containerInsights: {
    clusterMetrics: assume(12, "Container Insights metrics per cluster on Fargate"),
    serviceMetrics: assume(15, "Container Insights metrics per service"),
    taskFamilyMetrics: assume(10, "Container Insights metrics per task definition family"),
    eventBytesPerMinute: assume(
      1024,
      "one performance log event per task and per container a minute",
    ),
  },
  // Aurora Serverless v2 with a minimum of 0 ACUs pauses after SecondsUntilAutoPause without
  // connections; any connection resumes it at 0.5 ACU or more until the delay passes again.
  auroraActiveMinimumAcu: assume(0.5, "the least capacity of a resumed Serverless v2 instance"),
  auroraDefaultAutoPauseSeconds: assume(300, "SecondsUntilAutoPause when the template omits it"),
  // Per request (the marginal cost of traffic).
  requestLambdaSeconds: assume(0.1, "a warm request handler runs 100 ms (one or two queries)"),
  requestLogBytes: assume(1024, "START/END/REPORT or one access line plus one app line"),
  requestBytes: assume(1024, "request headers and a small body"),
  responseBytes: assume(2048, "a JSON page of products"),
  newConnectionsPerRequest: assume(1, "no keep-alive across requests (the worst case)"),
  auroraAcuSecondsPerRequest: assume(0.01, "20 ms at 0.5 ACU for a request's queries"),
  auroraIoPerRequest: assume(2, "storage reads or writes a request misses the cache for"),
} as const;

export type UsageAssumptions = typeof usageAssumptions;
