import type { AppError, FieldError } from "./app-error.ts";

export const problemContentType = "application/problem+json";

export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail: string;
  code?: string;
  errors?: FieldError[];
}

const titles: Record<number, string> = {
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  405: "Method Not Allowed",
  409: "Conflict",
  412: "Precondition Failed",
  413: "Content Too Large",
  415: "Unsupported Media Type",
  422: "Unprocessable Content",
  429: "Too Many Requests",
  500: "Internal Server Error",
  502: "Bad Gateway",
  503: "Service Unavailable",
  504: "Gateway Timeout",
};

export const titleOfStatus = (status: number): string => titles[status] ?? "Error";

/** Where a refusal with a reason of its own is named: `…/insufficient_stock` (CONTRACT.md §9). */
export const problemTypeBase = "https://stockwiz.dev/problems/";

/**
 * `about:blank` keeps `title` tied to the HTTP status, as RFC 9457 §4.2.1 intends; a refusal
 * with a machine-readable reason (`code`) is typed by it, so clients can tell two 409s apart.
 */
export function problemDetails(
  status: number,
  detail: string,
  extra: Pick<ProblemDetails, "code" | "errors"> = {},
): ProblemDetails {
  const body: ProblemDetails = {
    type: extra.code === undefined ? "about:blank" : `${problemTypeBase}${extra.code}`,
    title: titleOfStatus(status),
    status,
    detail,
  };
  if (extra.code !== undefined) body.code = extra.code;
  if (extra.errors !== undefined) body.errors = extra.errors;
  return body;
}

// No `instance`: the gateway forwards /api/x as /x, and a path must answer the same body
// whichever target the load balancer picks (CONTRACT.md §1).
export const problemOfAppError = (error: AppError): ProblemDetails =>
  problemDetails(error.status, error.detail, { code: error.code, errors: error.errors });
