import { randomUUID } from "node:crypto";
import type { IncomingMessage } from "node:http";

const acceptableRequestId = /^[\w\-.:]{1,128}$/;

/** Takes the caller's X-Request-Id when it is sane, so a trace spans every hop; else makes one. */
export function requestIdOf(request: IncomingMessage): string {
  const given = request.headers["x-request-id"];
  return typeof given === "string" && acceptableRequestId.test(given) ? given : randomUUID();
}
