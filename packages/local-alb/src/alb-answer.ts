import type { ServerResponse } from "node:http";
import type { ALBResult } from "aws-lambda";

/** Lambda's limit on the response JSON a target may return to the ALB. */
export const maxResultBytes = 1024 * 1024;

// Set by the ALB for its own connection with the client, whatever the function said.
const perConnection = new Set(["connection", "keep-alive", "transfer-encoding", "content-length"]);

/** The answers the ALB makes itself, as HTML like the real one's. */
export function writeAlbError(response: ServerResponse, status: 413 | 502, reason: string): void {
  const body = `<html><head><title>${status} ${reason}</title></head><body><center><h1>${status} ${reason}</h1></center></body></html>\n`;
  response.writeHead(status, reason, {
    "content-type": "text/html",
    "content-length": Buffer.byteLength(body),
    server: "awselb/2.0",
  });
  response.end(body);
}

function headersOf(result: ALBResult, multiValueHeaders: boolean): [string, string[]][] {
  const entries: [string, string[]][] = multiValueHeaders
    ? Object.entries(result.multiValueHeaders ?? {}).map(([name, values]) => [
        name,
        values.map(String),
      ])
    : Object.entries(result.headers ?? {}).map(([name, value]) => [name, [String(value)]]);
  return entries.filter(([name]) => !perConnection.has(name.toLowerCase()));
}

/**
 * Turns a target's result into the HTTP answer, as the ALB does: the header field the target
 * group reads (the other one is ignored), a base64 body decoded. A result that is not one
 * (no numeric status, too large) is the ALB's 502.
 */
export function writeAlbResult(
  response: ServerResponse,
  result: ALBResult,
  multiValueHeaders: boolean,
): void {
  const size = Buffer.byteLength(JSON.stringify(result ?? null));
  if (!Number.isInteger(result?.statusCode) || size > maxResultBytes) {
    writeAlbError(response, 502, "Bad Gateway");
    return;
  }
  const body = Buffer.from(result.body ?? "", result.isBase64Encoded ? "base64" : "utf8");
  const reason = result.statusDescription?.replace(/^\d+\s*/, "");
  for (const [name, values] of headersOf(result, multiValueHeaders))
    response.setHeader(name, values);
  response.setHeader("content-length", body.length);
  if (reason) response.statusMessage = reason;
  response.statusCode = result.statusCode;
  response.end(body);
}
