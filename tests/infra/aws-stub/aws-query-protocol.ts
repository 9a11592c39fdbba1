import { randomUUID } from "node:crypto";
import type { IncomingMessage } from "node:http";

/** One request, named as IAM names it (`sts:GetCallerIdentity`), with its query parameters. */
export interface RecordedCall {
  readonly service: string;
  readonly action: string;
  readonly params: Readonly<Record<string, string>>;
}

export interface QueryAnswer {
  readonly status: number;
  readonly xml: string;
}

/**
 * Reads an AWS SDK request. The service comes from the SigV4 credential scope
 * (`Credential=<key>/<date>/<region>/<service>/aws4_request`), so one port can
 * stand in for every service; the action from the Query form (`Action=...`),
 * or, for a service that does not speak Query, from X-Amz-Target or the route.
 */
export async function readCall(request: IncomingMessage): Promise<RecordedCall> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const scope = /Credential=[^/]+\/[^/]+\/[^/]+\/([^/]+)\//.exec(
    request.headers.authorization ?? "",
  );
  const service = scope?.[1] ?? "unsigned";
  const target = request.headers["x-amz-target"];
  if (typeof target === "string") {
    return { service, action: target.split(".").pop() ?? target, params: {} };
  }
  const form = Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString("utf8")));
  const { Action: action, Version: _version, ...params } = form;
  if (action) return { service, action, params };
  return { service, action: `${request.method} ${request.url}`, params: {} };
}

/** `<ActionResponse><ActionResult>…</ActionResult><ResponseMetadata/></ActionResponse>` */
export function queryResult(action: string, namespace: string, resultXml: string): QueryAnswer {
  return {
    status: 200,
    xml:
      `<${action}Response xmlns="${namespace}"><${action}Result>${resultXml}</${action}Result>` +
      `<ResponseMetadata><RequestId>${randomUUID()}</RequestId></ResponseMetadata></${action}Response>`,
  };
}

/** A client error as the Query protocol sends it; the SDK throws it with this code and message. */
export function queryError(code: string, message: string): QueryAnswer {
  return {
    status: 400,
    xml:
      `<ErrorResponse><Error><Type>Sender</Type><Code>${code}</Code>` +
      `<Message>${escapeXml(message)}</Message></Error>` +
      `<RequestId>${randomUUID()}</RequestId></ErrorResponse>`,
  };
}

export function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
