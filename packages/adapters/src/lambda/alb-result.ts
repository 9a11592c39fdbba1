import { STATUS_CODES } from "node:http";
import type { ALBResult } from "aws-lambda";

/** What @fastify/aws-lambda answers with. */
export interface ProxiedResponse {
  statusCode: number;
  headers: Record<string, string>;
  multiValueHeaders?: Record<string, string[]>;
  body: string;
  isBase64Encoded?: boolean;
}

// Per connection: the ALB has its own connection with the client and sets these itself.
const perConnection = new Set(["connection", "keep-alive", "transfer-encoding"]);

const endToEnd = <Value>(headers: Record<string, Value>): Record<string, Value> =>
  Object.fromEntries(
    Object.entries(headers).filter(([name]) => !perConnection.has(name.toLowerCase())),
  );

/**
 * The answer in the ALB's shape: a status description, and the headers in the field the
 * target group reads: `multiValueHeaders` when it sent them (multi-value headers on), else
 * `headers`. The ALB ignores the other field, so only one is sent.
 */
export function albResultOf(response: ProxiedResponse, multiValueHeaders: boolean): ALBResult {
  const { statusCode } = response;
  const result: ALBResult = {
    statusCode,
    statusDescription: `${statusCode} ${STATUS_CODES[statusCode] ?? ""}`.trimEnd(),
    body: response.body,
    isBase64Encoded: response.isBase64Encoded ?? false,
  };
  if (multiValueHeaders) result.multiValueHeaders = endToEnd(response.multiValueHeaders ?? {});
  else result.headers = endToEnd(response.headers);
  return result;
}
