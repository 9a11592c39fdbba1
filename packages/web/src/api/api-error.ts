import type { ProblemDetails } from "./problem-details.ts";

/** Status used when no HTTP answer arrived at all (network failure). */
export const NO_RESPONSE = 0;

const gatewayFailureStatuses = new Set([502, 503, 504]);

/** A failed API call, carrying the problem details the server sent, if any. */
export class ApiError extends Error {
  override name = "ApiError";

  constructor(
    readonly status: number,
    readonly problem: ProblemDetails | undefined,
    message: string,
  ) {
    super(message);
  }

  /** True when a service (or the gateway itself) did not answer, rather than refusing the request. */
  get isServiceUnavailable(): boolean {
    return this.status === NO_RESPONSE || gatewayFailureStatuses.has(this.status);
  }
}
