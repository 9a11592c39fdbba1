import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { describeExit, launch } from "../../tests/kit/process/launch.ts";

/** One function's deployment artefact and what starting it costs, as Lambda would start it. */
export interface LambdaColdStart {
  readonly name: string;
  /** `index.mjs` alone, and the whole folder the function's code is made of. */
  readonly bundleBytes: number;
  readonly bundleGzipBytes: number;
  readonly folderBytes: number;
  /** Module load and top-level init (stores opened): Lambda's "Init Duration" less the runtime's own boot. */
  readonly initMs: readonly number[];
  /** The first event after init (an ALB `GET /health`). */
  readonly firstInvokeMs: readonly number[];
}

function folderBytes(folder: string): number {
  return readdirSync(folder, { recursive: true, encoding: "utf8" })
    .map((entry) => statSync(join(folder, entry)))
    .filter((stat) => stat.isFile())
    .reduce((total, stat) => total + stat.size, 0);
}

// Runs in a fresh node process per start: nothing is cached between two measurements.
const probe = `
const started = performance.now();
const { handler } = await import(process.env.BENCH_LAMBDA_ENTRY);
const initMs = performance.now() - started;
const event = {
  requestContext: { elb: { targetGroupArn: "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/bench/0" } },
  httpMethod: "GET", path: "/health", queryStringParameters: {},
  headers: { host: "bench.local", "x-forwarded-for": "127.0.0.1", "x-forwarded-proto": "http", "x-forwarded-port": "80" },
  body: "", isBase64Encoded: false,
};
const invoked = performance.now();
const result = await handler(event, { callbackWaitsForEmptyEventLoop: false });
const firstInvokeMs = performance.now() - invoked;
process.stdout.write(JSON.stringify({ initMs, firstInvokeMs, status: result.statusCode }) + "\\n");
process.exit(0);
`;

async function startOnce(
  entry: string,
  env: Record<string, string>,
): Promise<{ initMs: number; firstInvokeMs: number }> {
  const run = launch(process.execPath, ["--input-type=module", "-e", probe], {
    name: entry,
    env: { ...env, BENCH_LAMBDA_ENTRY: entry },
  });
  const exit = await run.exited;
  const output = run.output();
  const line = output.split("\n").find((text) => text.startsWith('{"initMs"'));
  if (exit.code !== 0 || line === undefined)
    throw new Error(`${entry} did not start (${describeExit(exit)}):\n${output}`);
  const measured = JSON.parse(line) as { initMs: number; firstInvokeMs: number; status: number };
  if (measured.status !== 200)
    throw new Error(`${entry} answered /health with ${measured.status}:\n${output}`);
  return measured;
}

/**
 * Starts each bundled function `starts` times in a fresh process, one after another, on the
 * stores `env` names, and measures its artefact.
 */
export async function measureLambdaColdStarts(
  lambdaDir: string,
  names: readonly string[],
  env: Record<string, string>,
  starts: number,
): Promise<LambdaColdStart[]> {
  const results: LambdaColdStart[] = [];
  for (const name of names) {
    const folder = join(lambdaDir, name);
    const entry = join(folder, "index.mjs");
    const initMs: number[] = [];
    const firstInvokeMs: number[] = [];
    for (let start = 0; start < starts; start += 1) {
      const measured = await startOnce(entry, env);
      initMs.push(measured.initMs);
      firstInvokeMs.push(measured.firstInvokeMs);
    }
    const bundle = readFileSync(entry);
    results.push({
      name,
      bundleBytes: bundle.length,
      bundleGzipBytes: gzipSync(bundle).length,
      folderBytes: folderBytes(folder),
      initMs,
      firstInvokeMs,
    });
  }
  return results;
}
