export { contractProbes, healthProbe, productListProbe } from "./contract-probes.ts";
export type { Probe, ProbeResult } from "./probe-endpoint.ts";
export { healthMetricName, responseTimeMetricName } from "./publish-check-metrics.ts";
export { settingsFromEnv } from "./settings-from-env.ts";
export {
  createSyntheticCheckHandler,
  type SyntheticCheckDeps,
  type SyntheticCheckReport,
  type SyntheticCheckSettings,
} from "./synthetic-check-handler.ts";
