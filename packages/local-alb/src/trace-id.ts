import { randomBytes } from "node:crypto";

const traceSegment = () =>
  `1-${Math.floor(Date.now() / 1000).toString(16)}-${randomBytes(12).toString("hex")}`;

/**
 * X-Amzn-Trace-Id as the ALB forwards it: a new `Root=` when the request has none; when it has
 * a Root, a `Self=` field for this hop in front of the rest (replacing an earlier Self).
 */
export function traceIdFor(given: string | undefined): string {
  if (given === undefined || !/(^|;)Root=/.test(given)) return `Root=${traceSegment()}`;
  const others = given.split(";").filter((field) => field !== "" && !field.startsWith("Self="));
  return [`Self=${traceSegment()}`, ...others].join(";");
}
