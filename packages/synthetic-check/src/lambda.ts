import { CloudWatchClient } from "@aws-sdk/client-cloudwatch";
import { settingsFromEnv } from "./settings-from-env.ts";
import { createSyntheticCheckHandler } from "./synthetic-check-handler.ts";

/** Lambda entry point: the real fetch, CloudWatch client and clocks. */
export const handler = createSyntheticCheckHandler(settingsFromEnv(process.env), {
  fetch: globalThis.fetch,
  cloudWatch: new CloudWatchClient({}),
  now: () => performance.now(),
  clock: () => new Date(),
});
