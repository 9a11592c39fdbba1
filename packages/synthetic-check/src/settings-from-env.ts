import type { SyntheticCheckSettings } from "./synthetic-check-handler.ts";

const defaultTimeoutMs = 10_000;

/** Reads the settings the stack gives the function; a missing one is a deployment bug. */
export function settingsFromEnv(
  env: Readonly<Record<string, string | undefined>>,
): SyntheticCheckSettings {
  const baseUrl = env.CHECK_BASE_URL;
  const namespace = env.METRIC_NAMESPACE;
  if (!baseUrl) throw new Error("CHECK_BASE_URL is not set");
  if (!namespace) throw new Error("METRIC_NAMESPACE is not set");
  const timeoutMs = env.CHECK_TIMEOUT_MS ? Number(env.CHECK_TIMEOUT_MS) : defaultTimeoutMs;
  if (!Number.isInteger(timeoutMs) || timeoutMs <= 0) {
    throw new Error(`CHECK_TIMEOUT_MS must be a positive integer, got ${env.CHECK_TIMEOUT_MS}`);
  }
  return { baseUrl, namespace, timeoutMs };
}
