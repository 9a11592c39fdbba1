import type { Problem } from "./api-schemas.ts";

/**
 * What arrived of RFC 9457 problem details: a failure may also come from something in front of
 * the API (a load balancer's 502 page), so every member is checked before it is trusted.
 */
export type ProblemDetails = Partial<Problem>;

export type FieldProblem = NonNullable<Problem["errors"]>[number];

/** Reads a problem-details body, keeping only well-formed members. */
export function readProblemDetails(body: unknown): ProblemDetails | undefined {
  if (typeof body !== "object" || body === null) return undefined;
  const record = body as Record<string, unknown>;
  const problem: ProblemDetails = {};
  if (typeof record.type === "string") problem.type = record.type;
  if (typeof record.title === "string") problem.title = record.title;
  if (typeof record.status === "number") problem.status = record.status;
  if (typeof record.detail === "string") problem.detail = record.detail;
  if (Array.isArray(record.errors)) problem.errors = record.errors.filter(isFieldProblem);
  return problem;
}

function isFieldProblem(value: unknown): value is FieldProblem {
  if (typeof value !== "object" || value === null) return false;
  const { path, message } = value as Record<string, unknown>;
  return typeof path === "string" && typeof message === "string";
}
