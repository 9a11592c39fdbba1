import type { ALBEvent } from "aws-lambda";
import { albBodyOf } from "./alb-request-body.ts";
import { traceIdFor } from "./trace-id.ts";

export interface IncomingHttpRequest {
  method: string;
  /** The request target as sent: path and query string, still URL-encoded. */
  url: string;
  /** Node's rawHeaders: name, value, name, value… in the order they came. */
  rawHeaders: readonly string[];
  body: Buffer;
  clientAddress: string;
  listenerPort: number;
}

export interface TargetGroup {
  arn: string;
  /** The target group attribute `lambda.multi_value_headers.enabled`; off by default. */
  multiValueHeaders: boolean;
}

/** Repeated names keep every value, in order; names lower-cased as the ALB sends them. */
function collect(pairs: Iterable<[string, string]>): Map<string, string[]> {
  const values = new Map<string, string[]>();
  for (const [name, value] of pairs) values.set(name, [...(values.get(name) ?? []), value]);
  return values;
}

function* headerPairs(rawHeaders: readonly string[]): Generator<[string, string]> {
  for (let i = 0; i + 1 < rawHeaders.length; i += 2) {
    yield [(rawHeaders[i] as string).toLowerCase(), rawHeaders[i + 1] as string];
  }
}

function* queryPairs(query: string): Generator<[string, string]> {
  for (const part of query.split("&")) {
    if (part === "") continue;
    const equals = part.indexOf("=");
    // Names and values stay URL-encoded: the ALB does not decode them.
    yield equals < 0 ? [part, ""] : [part.slice(0, equals), part.slice(equals + 1)];
  }
}

/** What the ALB adds on the way: the client's address appended, the listener's port and scheme. */
function withForwardingHeaders(headers: Map<string, string[]>, request: IncomingHttpRequest) {
  const forwardedFor = headers.get("x-forwarded-for")?.join(", ");
  headers.set("x-forwarded-for", [
    forwardedFor ? `${forwardedFor}, ${request.clientAddress}` : request.clientAddress,
  ]);
  headers.set("x-forwarded-proto", ["http"]);
  headers.set("x-forwarded-port", [String(request.listenerPort)]);
  headers.set("x-amzn-trace-id", [traceIdFor(headers.get("x-amzn-trace-id")?.at(-1))]);
  return headers;
}

// With multi-value headers off, the ALB passes the last value of a repeated header or parameter.
const lastValues = (values: Map<string, string[]>) =>
  Object.fromEntries([...values].map(([name, all]) => [name, all.at(-1) as string]));

/**
 * The event an ALB sends a Lambda target for this request, as AWS documents it: headers and
 * query parameters either single- or multi-value as the target group says, query values left
 * URL-encoded, and the body base64-encoded unless its content type is text.
 */
export function albEventOf(request: IncomingHttpRequest, target: TargetGroup): ALBEvent {
  const queryAt = request.url.indexOf("?");
  const path = queryAt < 0 ? request.url : request.url.slice(0, queryAt);
  const query = collect(queryPairs(queryAt < 0 ? "" : request.url.slice(queryAt + 1)));
  const headers = withForwardingHeaders(collect(headerPairs(request.rawHeaders)), request);
  const values = target.multiValueHeaders
    ? {
        multiValueQueryStringParameters: Object.fromEntries(query),
        multiValueHeaders: Object.fromEntries(headers),
      }
    : { queryStringParameters: lastValues(query), headers: lastValues(headers) };
  return {
    requestContext: { elb: { targetGroupArn: target.arn } },
    httpMethod: request.method,
    path,
    ...values,
    ...albBodyOf(request.body, headers.get("content-type")?.at(-1)),
  };
}
