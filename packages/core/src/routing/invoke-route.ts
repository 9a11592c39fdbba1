import type * as z from "zod";
import { AppError, type FieldError } from "../errors/app-error.ts";
import { type ApiKeys, authorizeWrite } from "../security/api-keys.ts";
import type { AnyRoute, RouteResponse } from "./route.ts";

/** The request as any adapter sees it, before validation. */
export interface RawRequest {
  params: Record<string, string | undefined>;
  query: Record<string, string | string[] | undefined>;
  body: unknown;
  headers: Readonly<Record<string, string | undefined>>;
  requestId: string;
}

const fieldErrors = (error: z.ZodError): FieldError[] =>
  error.issues.map((issue) => ({ path: issue.path.join(".") || "(root)", message: issue.message }));

function parse<T>(
  schema: z.ZodType<T> | undefined,
  value: unknown,
  onError: (e: FieldError[]) => AppError,
): T {
  if (schema === undefined) return undefined as T;
  const result = schema.safeParse(value);
  if (!result.success) throw onError(fieldErrors(result.error));
  return result.data;
}

export interface InvokeOptions {
  /** When set, every route that changes data needs a write key. */
  apiKeys?: ApiKeys;
}

/** Authorizes, validates at the edge, then runs the handler: one behaviour for every adapter. */
export async function invokeRoute<Deps>(
  route: AnyRoute<Deps>,
  raw: RawRequest,
  deps: Deps,
  options: InvokeOptions = {},
): Promise<RouteResponse> {
  if (route.method !== "GET" && options.apiKeys) {
    authorizeWrite(raw.headers.authorization, options.apiKeys);
  }
  const params = parse(route.params, raw.params, (errors) => {
    const [first] = errors;
    return new AppError(
      "bad_request",
      `Invalid ${first?.path ?? "path parameter"}: ${first?.message}`,
      {
        errors,
      },
    );
  });
  const query = parse(
    route.query,
    raw.query,
    (errors) => new AppError("bad_request", "Invalid query string", { errors }),
  );
  const body = parse(
    route.body,
    raw.body,
    (errors) => new AppError("validation", "Request validation failed", { errors }),
  );
  return route.handle(
    { params, query, body, headers: raw.headers, requestId: raw.requestId },
    deps,
  );
}
