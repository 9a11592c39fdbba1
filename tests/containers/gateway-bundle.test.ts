import { cp, mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bundleLambdas, bundleServices } from "../../scripts/bundle-services.ts";
import { freePorts } from "../kit/free-ports.ts";
import { type LaunchedProcess, launch, launchNode, repoRoot } from "../kit/process/launch.ts";
import { waitForHealth } from "../kit/process/wait-for-health.ts";

// The gateway as its image and its Lambda function run it: a bundle alone in a folder that
// serves a dashboard built beforehand, and carries no build tool to build one.

const unreachable = "http://127.0.0.1:9";
let containerBundle: string;
let lambdaBundle: string;
let builtWeb: string;
let gateway: LaunchedProcess;
let baseUrl: string;

beforeAll(async () => {
  const outDir = await mkdtemp(path.join(tmpdir(), "stockwiz-gateway-bundle-"));
  [containerBundle = ""] = await bundleServices(["api-gateway"], outDir);
  // The function's folder ships the dashboard `npm run build:web` wrote, beside the bundle.
  [lambdaBundle = ""] = await bundleLambdas(["api-gateway"], outDir);
  builtWeb = path.join(path.dirname(lambdaBundle), "web");
  // As the image: Swagger UI's files beside the bundle, which finds them through node_modules.
  await cp(
    path.join(repoRoot, "node_modules", "swagger-ui-dist"),
    path.join(path.dirname(containerBundle), "node_modules", "swagger-ui-dist"),
    { recursive: true },
  );
  const [port] = await freePorts(1);
  baseUrl = `http://127.0.0.1:${port}`;
  gateway = launchNode("index.mjs", {
    name: "api-gateway bundle",
    cwd: path.dirname(containerBundle),
    env: {
      NODE_ENV: "production",
      PORT: String(port),
      STOCKWIZ_WEB_DIST: builtWeb,
      PRODUCT_SERVICE_URL: unreachable,
      INVENTORY_SERVICE_URL: unreachable,
      LOG_LEVEL: "warn",
    },
  });
});

afterAll(async () => {
  await gateway?.stop();
});

describe("the api-gateway bundles", () => {
  it.each([
    ["container", () => containerBundle],
    ["Lambda", () => lambdaBundle],
  ])("when the %s bundle is written then no Vite is in it", async (_kind, bundle) => {
    const source = await readFile(bundle(), "utf8");

    expect(source).not.toMatch(/\bvite\b/i);
  });

  it("when started like the image's CMD then / is the built page and its assets are served", async () => {
    // Its first answer, whatever the unreachable services make it: readiness, not a timing guess.
    await waitForHealth(gateway, baseUrl, { ready: () => true });

    const page = await fetch(`${baseUrl}/`);
    const html = await page.text();
    expect(page.status, gateway.output()).toBe(200);
    expect(html).toBe(await readFile(path.join(builtWeb, "index.html"), "utf8"));
    const script = html.match(/src="(\/static\/assets\/[^"]+\.js)"/)?.[1] ?? "no script";
    expect((await fetch(`${baseUrl}${script}`)).status).toBe(200);
  });

  it("when the Lambda runtime imports its folder then `handler` answers / with the page beside it", async () => {
    const run = launch(process.execPath, ["--input-type=module", "-e", invokeRoot], {
      name: "the api-gateway Lambda folder",
      cwd: path.dirname(lambdaBundle),
      env: {
        STOCKWIZ_WEB_DIST: builtWeb,
        PRODUCT_SERVICE_URL: unreachable,
        INVENTORY_SERVICE_URL: unreachable,
        LOG_LEVEL: "warn",
      },
    });
    const { code } = await run.exited;

    expect(code, run.stderr()).toBe(0);
    const result = JSON.parse(run.stdout());
    expect(result.statusCode).toBe(200);
    expect(result.body).toBe(await readFile(path.join(builtWeb, "index.html"), "utf8"));
  });
});

// Lambda's INIT (the import) then one invocation, the ALB's event for GET /.
const invokeRoot = `
const { handler } = await import("./index.mjs");
const result = await handler({
  requestContext: { elb: { targetGroupArn: "arn:aws:elasticloadbalancing:us-east-2:123456789012:targetgroup/t/1" } },
  httpMethod: "GET", path: "/", queryStringParameters: {}, headers: { host: "alb" },
  body: "", isBase64Encoded: false,
});
process.stdout.write(JSON.stringify(result));
process.exit(0);
`;
