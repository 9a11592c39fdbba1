/** The one application error: every adapter turns it into RFC 9457 problem details. */
export type ErrorKind =
  | "bad_request"
  | "unauthorized"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "precondition_failed"
  | "payload_too_large"
  | "validation"
  | "rate_limited"
  | "bad_gateway"
  | "unavailable"
  | "gateway_timeout"
  | "internal";

export interface FieldError {
  path: string;
  message: string;
}

const statusOfKind: Record<ErrorKind, number> = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  precondition_failed: 412,
  payload_too_large: 413,
  validation: 422,
  rate_limited: 429,
  internal: 500,
  bad_gateway: 502,
  unavailable: 503,
  gateway_timeout: 504,
};

export interface AppErrorOptions {
  /** Machine-readable reason within the kind, e.g. `insufficient_stock`. */
  code?: string;
  errors?: FieldError[];
  /** Response headers the status needs, such as WWW-Authenticate on a 401. */
  headers?: Record<string, string>;
  cause?: unknown;
}

export class AppError extends Error {
  readonly status: number;
  readonly code: string | undefined;
  readonly errors: FieldError[] | undefined;
  readonly headers: Record<string, string> | undefined;

  constructor(
    readonly kind: ErrorKind,
    readonly detail: string,
    options: AppErrorOptions = {},
  ) {
    super(detail, { cause: options.cause });
    this.name = "AppError";
    this.status = statusOfKind[kind];
    this.code = options.code;
    this.errors = options.errors;
    this.headers = options.headers;
  }
}

export const notFound = (detail: string) => new AppError("not_found", detail);
export const badRequest = (detail: string, errors?: FieldError[]) =>
  new AppError("bad_request", detail, { errors });
export const conflict = (detail: string, code: string) =>
  new AppError("conflict", detail, { code });
