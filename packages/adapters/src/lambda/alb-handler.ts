import { randomUUID } from "node:crypto";
import { STATUS_CODES } from "node:http";
import { type AnyRoute, type InvokeOptions, invokeRoute, problemContentType } from "@stockwiz/core";
import type { ALBEvent, ALBResult } from "aws-lambda";
import FindMyWay from "find-my-way";
import { describeError } from "../errors/problem-of-error.ts";
import type { Logger } from "../logger.ts";

const maxBodyBytes = 64 * 1024;

type Store<Deps> = { route: AnyRoute<Deps> };

const lowerCaseHeaders = (event: ALBEvent): Record<string, string | undefined> => {
  const headers: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(event.headers ?? {}))
    headers[name.toLowerCase()] = value;
  for (const [name, values] of Object.entries(event.multiValueHeaders ?? {})) {
    headers[name.toLowerCase()] = values?.join(", ");
  }
  return headers;
};

// The ALB hands query values over exactly as they were sent, still percent-encoded.
const decode = (value: string) => {
  try {
    return decodeURIComponent(value.replace(/\+/g, " "));
  } catch {
    return value;
  }
};

const queryOf = (event: ALBEvent): Record<string, string | string[]> => {
  const query: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(event.queryStringParameters ?? {})) {
    if (value !== undefined) query[decode(name)] = decode(value);
  }
  for (const [name, values] of Object.entries(event.multiValueQueryStringParameters ?? {})) {
    if (values === undefined) continue;
    query[decode(name)] = values.length === 1 ? decode(values[0] ?? "") : values.map(decode);
  }
  return query;
};

class RequestError extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
  ) {
    super(message);
  }
}

function bodyOf(event: ALBEvent, headers: Record<string, string | undefined>): unknown {
  if (!event.body) return undefined;
  const text = event.isBase64Encoded
    ? Buffer.from(event.body, "base64").toString("utf8")
    : event.body;
  if (Buffer.byteLength(text) > maxBodyBytes)
    throw new RequestError(413, "Request body is too large");
  const type = headers["content-type"] ?? "";
  if (!type.includes("json"))
    throw new RequestError(415, `Unsupported Media Type: ${type || "none"}`);
  try {
    return JSON.parse(text);
  } catch {
    throw new RequestError(400, "The request body is not valid JSON");
  }
}

const result = (status: number, body: unknown, headers: Record<string, string>): ALBResult => ({
  statusCode: status,
  statusDescription: `${status} ${STATUS_CODES[status] ?? ""}`.trimEnd(),
  headers,
  body: body === undefined ? "" : JSON.stringify(body),
  isBase64Encoded: false,
});

/**
 * Runs a route table behind an ALB→Lambda target: the same routes, validation and problem
 * details as the Fastify adapter.
 */
export function createAlbHandler<Deps>(
  routes: readonly AnyRoute<Deps>[],
  deps: () => Promise<Deps>,
  logger: Logger,
  options: InvokeOptions = {},
): (event: ALBEvent) => Promise<ALBResult> {
  const router = FindMyWay({ ignoreTrailingSlash: true });
  for (const route of routes) {
    router.on(route.method, route.path, () => {}, { route } satisfies Store<Deps>);
  }

  return async (event) => {
    const headers = lowerCaseHeaders(event);
    const requestId = headers["x-request-id"] ?? randomUUID();
    const responseHeaders = { "x-request-id": requestId };
    const path = event.path.split("?")[0] ?? "/";
    try {
      const match = router.find(event.httpMethod as "GET", path);
      if (match === null) throw new RequestError(404, `No route for ${event.httpMethod} here`);
      const { route } = match.store as Store<Deps>;
      const response = await invokeRoute(
        route,
        {
          params: match.params,
          query: queryOf(event),
          body: bodyOf(event, headers),
          headers,
          requestId,
        },
        await deps(),
        options,
      );
      const contentType: Record<string, string> =
        response.body === undefined ? {} : { "content-type": "application/json" };
      return result(response.status, response.body, {
        ...responseHeaders,
        ...contentType,
        ...response.headers,
      });
    } catch (error) {
      const { status, problem, unexpected, headers } = describeError(error);
      if (unexpected) logger.error({ err: error, requestId }, "unexpected error");
      return result(status, problem, {
        ...responseHeaders,
        ...headers,
        "content-type": problemContentType,
      });
    }
  };
}
