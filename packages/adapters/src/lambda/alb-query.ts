import type { ALBEvent } from "aws-lambda";

/**
 * The query string as the client sent it. The ALB hands names and values over still
 * URL-encoded (`queryStringParameters`, one value per name, or `multiValueQueryStringParameters`).
 */
export function rawQueryOf(event: ALBEvent): string {
  const pairs: string[] = [];
  for (const [name, values] of Object.entries(event.multiValueQueryStringParameters ?? {})) {
    for (const value of values ?? []) pairs.push(`${name}=${value}`);
  }
  for (const [name, value] of Object.entries(event.queryStringParameters ?? {})) {
    if (value !== undefined) pairs.push(`${name}=${value}`);
  }
  return pairs.join("&");
}

/**
 * The event with its query string put back on the path, for Fastify to parse as it parses a
 * socket's request line. The adapter would otherwise decode each value with decodeURIComponent,
 * which leaves `+` undecoded and throws on a malformed escape (a Lambda error: 502 at the ALB),
 * where the container answers from the same bytes.
 */
export function withQueryOnPath(event: ALBEvent): ALBEvent {
  const query = rawQueryOf(event);
  return {
    ...event,
    path: query === "" ? event.path : `${event.path}?${query}`,
    queryStringParameters: undefined,
    multiValueQueryStringParameters: undefined,
  };
}
