import { expect } from "vitest";

export interface Answer {
  status: number;
  headers: Headers;
  /** Parsed JSON when the answer says it is JSON, else the text. */
  body: unknown;
  text: string;
}

export interface Call {
  method?: "GET" | "POST" | "PUT" | "DELETE" | "OPTIONS";
  /** An object is sent as JSON; a string is sent as is (to send malformed bodies). */
  body?: unknown;
  headers?: Record<string, string>;
}

/** One request, fully read, bounded so a hang fails the test instead of stalling the run. */
export async function call(url: string, { method = "GET", body, headers = {} }: Call = {}) {
  const init: RequestInit = {
    method,
    headers: { ...headers },
    signal: AbortSignal.timeout(15_000),
  };
  if (body !== undefined) {
    init.body = typeof body === "string" ? body : JSON.stringify(body);
    init.headers = { "content-type": "application/json", ...headers };
  }
  const response = await fetch(url, init);
  const text = await response.text();
  const isJson = /json/.test(response.headers.get("content-type") ?? "");
  return {
    status: response.status,
    headers: response.headers,
    body: isJson && text.length > 0 ? (JSON.parse(text) as unknown) : text,
    text,
  } satisfies Answer;
}

/** RFC 3339 date-time, as `last_updated` must be. */
export const rfc3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/** RFC 9457 problem details: the one error shape of the contract (CONTRACT.md §3). */
export function expectProblem(
  answer: Answer,
  status: number,
  detail?: string | RegExp,
): Record<string, unknown> {
  expect(answer.status, answer.text).toBe(status);
  expect(answer.headers.get("content-type")).toMatch(/^application\/problem\+json/);
  const problem = answer.body as Record<string, unknown>;
  expect(problem).toMatchObject({
    type: expect.any(String),
    title: expect.any(String),
    status,
    detail: expect.any(String),
  });
  if (typeof detail === "string") expect(problem.detail).toBe(detail);
  else if (detail !== undefined) expect(problem.detail).toMatch(detail);
  return problem;
}

/** A validation failure: 422 (or the given status) with `errors` naming the field. */
export function expectFieldErrors(answer: Answer, path: string, status = 422): void {
  const problem = expectProblem(answer, status);
  expect(problem.errors).toEqual(expect.arrayContaining([{ path, message: expect.any(String) }]));
}
