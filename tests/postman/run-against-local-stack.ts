import { appendFile, mkdir, mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describeExit } from "../kit/process/launch.ts";
import { saysHealthy, waitForHealth } from "../kit/process/wait-for-health.ts";
import { startLocalStack } from "./local-stack.ts";
import { runCollection } from "./run-collection.ts";

// Starts the whole stack on ports of its own with a fresh data folder, runs
// the Postman collection against it, stops it and fails on any failure.
// Non-default ports, so a stack a developer already runs is left alone.
// --lambda: the bundled Lambda functions behind the local ALB instead, every
// URL the ALB's, as the deploy workflow runs the collection against a stage.
const lambda = process.argv.includes("--lambda");
const ports = lambda
  ? { gateway: 18100, productService: 18101, inventoryService: 18102 }
  : { gateway: 18000, productService: 18001, inventoryService: 18002 };
const target = lambda ? "lambda" : "local";
const title = lambda ? "the Lambda functions behind the local ALB" : "the local stack";
const here = import.meta.dirname;
const artifacts = join(here, "..", "..", "test-artifacts");
await mkdir(artifacts, { recursive: true });
const dataDir = await mkdtemp(join(tmpdir(), "stockwiz-postman-"));
const logFile = join(artifacts, `postman-${target}-stack.log`);

const stack = startLocalStack({
  ports,
  dataDir,
  logFile,
  script: lambda ? "start:lambda" : "start",
});
let exitCode = 1;
try {
  await waitForHealth(stack, `http://127.0.0.1:${ports.gateway}`, {
    ready: saysHealthy,
    intervalMs: 500,
    // First start migrates and seeds an empty embedded database.
    timeoutMs: 120_000,
  });
  const result = await runCollection({
    collection: join(here, "stockwiz.postman_collection.json"),
    environment: join(here, "local.postman_environment.json"),
    variables: {
      base_url: `http://127.0.0.1:${ports.gateway}`,
      product_service_url: `http://127.0.0.1:${lambda ? ports.gateway : ports.productService}`,
      inventory_service_url: `http://127.0.0.1:${lambda ? ports.gateway : ports.inventoryService}`,
    },
    junitFile: join(artifacts, `postman-${target}.xml`),
  });
  if (result.otherFailures > 0)
    console.error(`${result.otherFailures} request(s) or script(s) failed outright`);
  const counts = `${result.passed} passed, ${result.failed} failed`;
  console.log(`postman: ${counts}`);
  const jobSummary = process.env.GITHUB_STEP_SUMMARY;
  if (jobSummary) await appendFile(jobSummary, `### Postman suite on ${title}\n\n${counts}\n`);
  exitCode = result.failed === 0 && result.otherFailures === 0 ? 0 : 1;
} catch (error) {
  console.error(`postman: ${(error as Error).message}`);
  console.error(
    `last lines of ${logFile}:\n${(await readFile(logFile, "utf8")).split("\n").slice(-30).join("\n")}`,
  );
} finally {
  console.log(`local stack stopped (${describeExit(await stack.stop())})`);
  await rm(dataDir, { recursive: true, force: true });
}
process.exitCode = exitCode;
