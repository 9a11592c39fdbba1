import { contractProbes } from "./contract-probes.ts";
import { type ProbeResult, probeEndpoint } from "./probe-endpoint.ts";
import { type MetricsClient, publishCheckMetrics } from "./publish-check-metrics.ts";

export interface SyntheticCheckSettings {
  /** Where the load balancer answers, e.g. `http://dev-alb-123.us-east-1.elb.amazonaws.com`. */
  readonly baseUrl: string;
  /** CloudWatch namespace, `StockWiz/<stage>`. */
  readonly namespace: string;
  readonly timeoutMs: number;
}

export interface SyntheticCheckDeps {
  readonly fetch: typeof globalThis.fetch;
  readonly cloudWatch: MetricsClient;
  readonly now: () => number;
  readonly clock: () => Date;
}

export interface SyntheticCheckReport {
  readonly healthy: boolean;
  readonly results: readonly ProbeResult[];
}

/** Builds the scheduled function: probe every contract read, then publish the metrics. */
export function createSyntheticCheckHandler(
  settings: SyntheticCheckSettings,
  deps: SyntheticCheckDeps,
): () => Promise<SyntheticCheckReport> {
  return async () => {
    // Sequential on purpose: each response time is then the probe's alone.
    const results: ProbeResult[] = [];
    for (const probe of contractProbes) {
      results.push(await probeEndpoint(settings.baseUrl, probe, settings.timeoutMs, deps));
    }
    // A failed publish must fail the invocation: silence would look like "no data", not "down".
    await publishCheckMetrics(deps.cloudWatch, settings.namespace, results, deps.clock());
    return { healthy: results.every((result) => result.ok), results };
  };
}
