import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { bundleLambdas } from "../../../scripts/bundle-services.ts";
import { freePorts } from "../../support/free-ports.ts";
import { createTestDatabase } from "../../support/test-database.ts";
import type { E2eStack, E2eStackOptions } from "./e2e-stack.ts";
import { newRedisKeyPrefix, redisUrl, removeCacheKeys } from "./scratch-cache.ts";
import {
  type NodeProcess,
  type ServiceName,
  type ServiceProcess,
  spawnNodeProcess,
  waitForHealth,
} from "./service-process.ts";

/** One function's view of the shared process: its URL, and its own log lines (pino `name`). */
function functionView(name: ServiceName, url: string, process: NodeProcess): ServiceProcess {
  const ownLines = () =>
    process
      .stdout()
      .split("\n")
      .filter(
        (line) => line.startsWith("{") && (JSON.parse(line) as { name?: string }).name === name,
      )
      .join("\n");
  return { ...process, name, url, stdout: ownLines };
}

/**
 * The three bundled Lambda functions behind the local ALB (`npm run start:lambda`), one process,
 * on a fresh database and the real Redis. The gateway is what a client reaches: the ALB's
 * listener, its rules sending service paths straight to the services' functions, as on AWS.
 * The services are their own listeners (what the gateway's upstream URLs name), so fixtures can
 * arrange rows on them as on the process stack. Bundled for this stack alone, from the sources.
 */
export async function startLambdaE2eStack(options: E2eStackOptions = {}): Promise<E2eStack> {
  const artefactsDir = mkdtempSync(path.join(tmpdir(), "stockwiz-e2e-lambda-"));
  const [database] = await Promise.all([
    createTestDatabase(),
    bundleLambdas(undefined, artefactsDir),
  ]);
  const redisKeyPrefix = newRedisKeyPrefix();
  const [albPort, productPort, inventoryPort] = (await freePorts(3)) as [number, number, number];
  const alb = spawnNodeProcess("packages/local-alb/src/main.ts", {
    ALB_PORT: String(albPort),
    PRODUCT_SERVICE_PORT: String(productPort),
    INVENTORY_SERVICE_PORT: String(inventoryPort),
    LAMBDA_ARTEFACTS_DIR: path.join(artefactsDir, "lambda"),
    DATABASE_URL: database.url,
    REDIS_URL: options.redisUrl ?? redisUrl,
    REDIS_KEY_PREFIX: redisKeyPrefix,
    LOG_LEVEL: options.logLevel ?? "warn",
  });
  // The process ends when its stack does; the bundles go with it.
  void alb.exited.then(() => rmSync(artefactsDir, { recursive: true, force: true }));
  // Three views of one process stop it once: a second SIGTERM would cut its drain short.
  let stopping: ReturnType<NodeProcess["stop"]> | undefined;
  const shared: NodeProcess = { ...alb, stop: () => (stopping ??= alb.stop()) };
  const local = (port: number) => `http://127.0.0.1:${port}`;
  const stack: E2eStack = {
    database,
    redisKeyPrefix,
    gateway: functionView("api-gateway", local(albPort), shared),
    productService: functionView("product-service", local(productPort), shared),
    inventoryService: functionView("inventory-service", local(inventoryPort), shared),
  };
  try {
    await waitForHealth(stack.gateway);
  } catch (error) {
    await shared.stop();
    await Promise.all([database.drop(), removeCacheKeys(redisKeyPrefix)]);
    throw error;
  }
  return stack;
}
