import { CloudWatchClient } from "@aws-sdk/client-cloudwatch";
import { delay, HttpResponse, http } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createSyntheticCheckHandler } from "../src/index.ts";

const albUrl = "http://dev-alb.test";
const cloudWatchUrl = "https://monitoring.us-east-1.amazonaws.com/";

interface PutMetricDataBody {
  Namespace: string;
  MetricData: { MetricName: string; Value: number; Unit: string }[];
}

/** A clock the fake ALB moves forward, so response times are exact. */
function createFakeClock() {
  let nowMs = 0;
  return { now: () => nowMs, advance: (ms: number) => (nowMs += ms) };
}

const server = setupServer();
let published: PutMetricDataBody[];
let clock: ReturnType<typeof createFakeClock>;

beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterAll(() => server.close());
afterEach(() => server.resetHandlers());
beforeEach(() => {
  published = [];
  clock = createFakeClock();
  // CloudWatch speaks AWS JSON 1.0: one POST to "/" naming the operation in X-Amz-Target.
  server.use(
    http.post(cloudWatchUrl, async ({ request }) => {
      if (request.headers.get("x-amz-target") !== "GraniteServiceVersion20100801.PutMetricData") {
        return HttpResponse.json({ __type: "UnknownOperationException" }, { status: 400 });
      }
      published.push((await request.json()) as PutMetricDataBody);
      return new HttpResponse(null, { status: 200 });
    }),
  );
});

function healthyAlb(healthMs: number, productsMs: number) {
  return [
    http.get(`${albUrl}/health`, () => {
      clock.advance(healthMs);
      return HttpResponse.json({ status: "healthy", service: "api-gateway" });
    }),
    http.get(`${albUrl}/api/products`, () => {
      clock.advance(productsMs);
      return HttpResponse.json([{ id: 1, name: "Laptop Dell XPS 13", price: 1299.99 }]);
    }),
  ];
}

function buildHandler(timeoutMs = 1_000) {
  const cloudWatch = new CloudWatchClient({
    region: "us-east-1",
    credentials: { accessKeyId: "AKIDTEST", secretAccessKey: "test-secret" },
    maxAttempts: 1,
  });
  return createSyntheticCheckHandler(
    { baseUrl: albUrl, namespace: "StockWiz/dev", timeoutMs },
    { fetch: globalThis.fetch, cloudWatch, now: clock.now, clock: () => new Date(0) },
  );
}

const metric = (body: PutMetricDataBody | undefined, name: string) =>
  body?.MetricData.find((datum) => datum.MetricName === name);

describe("synthetic check", () => {
  it("when /health and /api/products answer as the contract says then it publishes HealthCheck-HTTP 1 and the slowest response time", async () => {
    server.use(...healthyAlb(40, 250));

    const report = await buildHandler()();

    expect(report.healthy).toBe(true);
    expect(published).toHaveLength(1);
    expect(published[0]?.Namespace).toBe("StockWiz/dev");
    expect(metric(published[0], "HealthCheck-HTTP")).toMatchObject({ Value: 1, Unit: "Count" });
    expect(metric(published[0], "ResponseTime-HTTP")).toMatchObject({
      Value: 250,
      Unit: "Milliseconds",
    });
  });

  it("when the product list answers 502 then HealthCheck-HTTP is 0", async () => {
    server.use(
      http.get(`${albUrl}/api/products`, () =>
        HttpResponse.json({ title: "Bad Gateway", status: 502 }, { status: 502 }),
      ),
      ...healthyAlb(5, 5),
    );

    const report = await buildHandler()();

    expect(report.healthy).toBe(false);
    expect(report.results.find((result) => result.path === "/api/products")?.status).toBe(502);
    expect(metric(published[0], "HealthCheck-HTTP")?.Value).toBe(0);
  });

  it("when the gateway reports degraded then the check fails although the status is 200", async () => {
    server.use(
      http.get(`${albUrl}/health`, () => HttpResponse.json({ status: "degraded" })),
      ...healthyAlb(5, 5),
    );

    const report = await buildHandler()();

    expect(report.results[0]).toMatchObject({ path: "/health", ok: false, status: 200 });
    expect(metric(published[0], "HealthCheck-HTTP")?.Value).toBe(0);
  });

  it("when the load balancer refuses the connection then the check still publishes 0 instead of throwing", async () => {
    server.use(http.get(`${albUrl}/*`, () => HttpResponse.error()));

    const report = await buildHandler()();

    expect(report.results.every((result) => result.error !== undefined)).toBe(true);
    expect(metric(published[0], "HealthCheck-HTTP")?.Value).toBe(0);
  });

  it("when a probe never answers then the timeout ends it and the check publishes 0", async () => {
    server.use(
      http.get(`${albUrl}/health`, async () => {
        await delay("infinite");
        return HttpResponse.json({ status: "healthy" });
      }),
      ...healthyAlb(5, 5),
    );

    const report = await buildHandler(50)();

    expect(report.results[0]?.error).toMatch(/timeout|abort/i);
    expect(metric(published[0], "HealthCheck-HTTP")?.Value).toBe(0);
  });

  it("when CloudWatch rejects the metrics then the invocation fails", async () => {
    server.use(...healthyAlb(5, 5));
    server.use(
      http.post(cloudWatchUrl, () =>
        HttpResponse.json(
          { __type: "InvalidParameterValueException", message: "bad namespace" },
          { status: 400, headers: { "content-type": "application/x-amz-json-1.0" } },
        ),
      ),
    );

    await expect(buildHandler()()).rejects.toThrow(/bad namespace/);
  });
});
