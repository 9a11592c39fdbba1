import { mkdtempSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bundleLambdas, type LambdaName } from "../../scripts/bundle-services.ts";
import { launch } from "../kit/process/launch.ts";
import { createScratchDatabase, type ScratchDatabase } from "../kit/stores/scratch-database.ts";

// What the Lambda runtime does with a function's folder: import index.mjs from a folder with no
// node_modules above it, take `handler`, and call it with an ALB event.

let outDir: string;
let database: ScratchDatabase;
const bundleOf = (service: LambdaName) => path.join(outDir, "lambda", service, "index.mjs");

beforeAll(async () => {
  outDir = mkdtempSync(path.join(tmpdir(), "stockwiz-lambda-"));
  [, database] = await Promise.all([bundleLambdas(undefined, outDir), createScratchDatabase()]);
});

afterAll(() => database?.drop());

// Imports the bundle (timing the init, as Lambda's INIT phase would) and sends GET /health.
const invokeHealth = `
const started = performance.now();
const { handler } = await import("./index.mjs");
const initMs = Math.round(performance.now() - started);
const result = await handler({
  requestContext: { elb: { targetGroupArn: "arn:aws:elasticloadbalancing:us-east-2:123456789012:targetgroup/t/1" } },
  httpMethod: "GET", path: "/health", queryStringParameters: {}, headers: { host: "alb" },
  body: "", isBase64Encoded: false,
});
process.stdout.write(JSON.stringify({ type: typeof handler, initMs, result }));
process.exit(0);
`;

// Imports the bundle and calls `handler` with a scheduled event, as EventBridge invokes it.
const invokeScheduled = `
const { handler } = await import("./index.mjs");
const result = await handler({ source: "aws.events", "detail-type": "Scheduled Event", detail: {} });
process.stdout.write(JSON.stringify({ type: typeof handler, result: result ?? null }));
process.exit(0);
`;

async function runInFolder(
  service: LambdaName,
  env: Record<string, string>,
  script = invokeHealth,
) {
  const run = launch(process.execPath, ["--input-type=module", "-e", script], {
    name: `the ${service} Lambda folder`,
    cwd: path.dirname(bundleOf(service)),
    env: { LOG_LEVEL: "warn", ...env },
  });
  const { code } = await run.exited;
  return { code: code as number, out: run.stdout(), err: run.stderr() };
}

describe.each([
  { service: "product-service", body: { status: "healthy", service: "product-service" } },
  { service: "inventory-service", body: { status: "healthy", service: "inventory-service" } },
] as const)("the $service Lambda folder", ({ service, body }) => {
  it("when the runtime imports index.mjs then `handler` answers an ALB event for /health", async () => {
    const run = await runInFolder(service, { DATABASE_URL: database.url });

    expect(run.code, run.err).toBe(0);
    const { type, result, initMs } = JSON.parse(run.out);
    expect(type).toBe("function");
    expect(result).toMatchObject({ statusCode: 200, statusDescription: "200 OK" });
    expect(JSON.parse(result.body)).toEqual(body);
    console.info(`${service}: ${statSync(bundleOf(service)).size} bytes, init ${initMs} ms`);
  });

  it("when the runtime imports index.mjs with DB_HOST and no DB_PASSWORD then the init fails naming it", async () => {
    const run = await runInFolder(service, { DB_HOST: "db.internal" });

    expect(run.code).not.toBe(0);
    expect(run.err).toContain("DB_PASSWORD: is required when DB_HOST is set");
  });

  it("when bundled then it ships the RDS CA bundle beside it and leaves PGlite out", () => {
    const folder = path.dirname(bundleOf(service));
    expect(readFileSync(path.join(folder, "certs", "rds-ca-bundle.pem"), "utf8")).toContain(
      "-----BEGIN CERTIFICATE-----",
    );
    expect(readFileSync(bundleOf(service), "utf8")).not.toMatch(
      /from\s*["']@electric-sql\/pglite["']/,
    );
  });
});

describe("the api-gateway Lambda folder", () => {
  it("when the runtime imports index.mjs then `handler` answers /health (downstreams unreachable: degraded)", async () => {
    const folder = path.dirname(bundleOf("api-gateway"));
    const run = await runInFolder("api-gateway", {
      STOCKWIZ_WEB_DIST: path.join(folder, "web"),
      PRODUCT_SERVICE_URL: "http://127.0.0.1:9",
      INVENTORY_SERVICE_URL: "http://127.0.0.1:9",
    });

    expect(run.code, run.err).toBe(0);
    const { type, result, initMs } = JSON.parse(run.out);
    expect(type).toBe("function");
    expect(result.statusCode).toBe(200);
    expect(JSON.parse(result.body)).toMatchObject({ service: "api-gateway", status: "degraded" });
    console.info(`api-gateway: ${statSync(bundleOf("api-gateway")).size} bytes, init ${initMs} ms`);
  });

  it("when bundled then the dashboard and Swagger UI's files (no source maps) ship beside it", () => {
    const folder = path.dirname(bundleOf("api-gateway"));
    expect(statSync(path.join(folder, "web", "index.html")).isFile()).toBe(true);
    const swaggerUi = path.join(folder, "node_modules", "swagger-ui-dist");
    expect(statSync(path.join(swaggerUi, "swagger-ui-bundle.js")).isFile()).toBe(true);
    expect(() => statSync(path.join(swaggerUi, "swagger-ui-bundle.js.map"))).toThrow();
  });
});

describe("the inventory-periodic Lambda folder", () => {
  it("when the runtime imports index.mjs and a schedule invokes `handler` then the periodic tasks run and it returns", async () => {
    const run = await runInFolder(
      "inventory-periodic",
      { DATABASE_URL: database.url },
      invokeScheduled,
    );

    expect(run.code, run.err).toBe(0);
    // A failed task is a warning line (pino, on stdout) before the answer.
    expect(run.out).not.toContain("periodic task failed");
    expect(JSON.parse(run.out)).toEqual({ type: "function", result: null });
  });

  it("when bundled then it ships the RDS CA bundle beside it and leaves PGlite out", () => {
    const folder = path.dirname(bundleOf("inventory-periodic"));
    expect(readFileSync(path.join(folder, "certs", "rds-ca-bundle.pem"), "utf8")).toContain(
      "-----BEGIN CERTIFICATE-----",
    );
    expect(readFileSync(bundleOf("inventory-periodic"), "utf8")).not.toMatch(
      /from\s*["']@electric-sql\/pglite["']/,
    );
  });
});

describe("bundle sizes", () => {
  // Under 1 MB is out of reach without leaving zod, undici or Fastify out (minified, zod alone
  // is ~440 kB; the services also carry @aws-sdk/rds-signer for DB_IAM_AUTH, ~470 kB): these
  // ceilings catch something else big (PGlite, Vite, a whole AWS SDK client) getting in.
  it.each([
    { service: "product-service", ceiling: 2_500_000 },
    { service: "inventory-service", ceiling: 2_500_000 },
    { service: "api-gateway", ceiling: 3_000_000 },
  ] as const)(
    "when $service is bundled then index.mjs stays under $ceiling bytes",
    ({ service, ceiling }) => {
      expect(statSync(bundleOf(service)).size).toBeLessThan(ceiling);
    },
  );
});
