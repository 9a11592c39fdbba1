import { ECSClient } from "@aws-sdk/client-ecs";
import { HttpResponse, http, type JsonBodyType } from "msw";
import { setupServer } from "msw/node";
import type { DeployCommandDeps } from "../src/run-deploy-command.ts";

const endpoint = "https://ecs.us-east-1.amazonaws.com/";
const targetPrefix = "AmazonEC2ContainerServiceV20141113.";

export interface RecordedCall {
  readonly operation: string;
  readonly body: Record<string, unknown>;
  readonly contentType: string | null;
  readonly authorization: string | null;
}

/** An answer of the fake ECS: a JSON body, or an AWS error by name. */
export type FakeAnswer =
  | { readonly body: unknown }
  | { readonly error: string; readonly message: string; readonly status?: number };

/**
 * Answers ECS JSON API calls from a script, one answer per call per
 * operation, and records every request. The last answer repeats once the
 * script runs out, like a service that stays in that state.
 */
export function fakeEcsApi() {
  const scripts = new Map<string, FakeAnswer[]>();
  const calls: RecordedCall[] = [];
  const server = setupServer(
    http.post(endpoint, async ({ request }) => {
      const target = request.headers.get("x-amz-target") ?? "";
      const operation = target.startsWith(targetPrefix)
        ? target.slice(targetPrefix.length)
        : target;
      calls.push({
        operation,
        body: (await request.json()) as Record<string, unknown>,
        contentType: request.headers.get("content-type"),
        authorization: request.headers.get("authorization"),
      });
      const script = scripts.get(operation) ?? [];
      const answer = script.length > 1 ? script.shift() : script[0];
      if (answer === undefined) return awsError(400, "UnknownOperationException", operation);
      if ("error" in answer) return awsError(answer.status ?? 400, answer.error, answer.message);
      return HttpResponse.json(answer.body as JsonBodyType, { headers: jsonHeaders() });
    }),
  );
  return {
    server,
    calls,
    script(operation: "DescribeServices" | "UpdateService", ...answers: FakeAnswer[]) {
      scripts.set(operation, answers);
    },
    reset() {
      scripts.clear();
      calls.length = 0;
    },
  };
}

function awsError(status: number, type: string, message: string) {
  return HttpResponse.json({ __type: type, message }, { status, headers: jsonHeaders() });
}

function jsonHeaders() {
  return { "content-type": "application/x-amz-json-1.1", "x-amzn-requestid": crypto.randomUUID() };
}

/**
 * A clock that only pretends to sleep, so a twenty-minute rollout is tested in
 * milliseconds while the loop still sees time pass.
 */
export function fakeClock(start = 1_764_300_000_000) {
  let now = start;
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => now,
    sleep: async (ms: number) => {
      sleeps.push(ms);
      now += ms;
    },
  };
}

/** Deps for runDeployCommand pointing at the fake, with static fake credentials. */
export function commandDeps(clock = fakeClock()) {
  const lines: string[] = [];
  const deps: DeployCommandDeps = {
    createClient: (region) =>
      new ECSClient({
        region: region ?? "us-east-1",
        credentials: { accessKeyId: "AKIAFAKEFORTESTS0000", secretAccessKey: "fake-secret" },
        // One attempt per poll: retrying is the loop's job here, and the SDK's
        // own backoff would add real sleeps to the tests.
        maxAttempts: 1,
      }),
    clock,
    out: (line) => lines.push(line),
  };
  return { deps, lines, clock, output: () => lines.join("\n") };
}
