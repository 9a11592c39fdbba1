import { mkdtempSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { HttpResponse, http } from "msw";
import { setupServer } from "msw/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bundleLambda } from "../../stacks/constructs/esbuild-lambda-code.ts";
import { syntheticCheckBundle } from "../../stacks/monitoring.ts";
import { repositoryRoot } from "./synthesize-stage.ts";

// The file Lambda runs: the same esbuild bundle the Monitoring stack ships, loaded as Lambda loads it.
const albUrl = "http://prod-alb.test";
const published: string[] = [];
const server = setupServer(
  http.get(`${albUrl}/health`, () => HttpResponse.json({ status: "healthy" })),
  http.get(`${albUrl}/api/products`, () => HttpResponse.json([])),
  http.post("https://monitoring.us-east-1.amazonaws.com/", async ({ request }) => {
    published.push(await request.text());
    return new HttpResponse(null, { status: 200 });
  }),
);

// What the stack and the Lambda runtime put in the function's environment.
const lambdaEnvironment = {
  CHECK_BASE_URL: albUrl,
  METRIC_NAMESPACE: "StockWiz/prod",
  AWS_REGION: "us-east-1",
  AWS_ACCESS_KEY_ID: "AKIDTEST",
  AWS_SECRET_ACCESS_KEY: "test-secret",
};
const saved = Object.fromEntries(
  Object.keys(lambdaEnvironment).map((key) => [key, process.env[key]]),
);

beforeAll(() => {
  Object.assign(process.env, lambdaEnvironment);
  server.listen({ onUnhandledRequest: "error" });
});

afterAll(() => {
  server.close();
  for (const [key, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
});

describe("synthetic check bundle", () => {
  it("when Lambda invokes index.handler then it probes the ALB and publishes StockWiz metrics", async () => {
    const outputDir = mkdtempSync(path.join(tmpdir(), "stockwiz-check-"));
    const file = bundleLambda(syntheticCheckBundle(repositoryRoot), outputDir);
    const { handler } = createRequire(import.meta.url)(file) as {
      handler: () => Promise<{ healthy: boolean }>;
    };

    const report = await handler();

    expect(report.healthy).toBe(true);
    expect(published).toHaveLength(1);
    expect(JSON.parse(published[0] as string)).toMatchObject({
      Namespace: "StockWiz/prod",
      MetricData: [
        { MetricName: "HealthCheck-HTTP", Value: 1 },
        { MetricName: "ResponseTime-HTTP" },
      ],
    });
  });
});
