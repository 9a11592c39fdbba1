import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { bundleLambdas } from "../../../scripts/bundle-services.ts";
import { freePorts } from "../../kit/free-ports.ts";
import { type LaunchedProcess, launchNode } from "../../kit/process/launch.ts";
import { saysHealthy, waitForHealth } from "../../kit/process/wait-for-health.ts";
import { createScratchDatabase } from "../../kit/stores/scratch-database.ts";
import { newRedisKeyPrefix, redisUrl, removeCacheKeys } from "../../kit/stores/scratch-redis.ts";
import type { E2eStack, E2eStackOptions } from "./e2e-stack.ts";
import type { ServiceName, ServiceProcess } from "./service-process.ts";

/**
 * One function's view of the shared process: its URL, and its own log lines (pino `name`).
 * The three views stop it once: the launcher sends one SIGTERM however often it is asked.
 */
function functionView(name: ServiceName, url: string, process: LaunchedProcess): ServiceProcess {
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
    createScratchDatabase(),
    bundleLambdas(undefined, artefactsDir),
  ]);
  const redisKeyPrefix = newRedisKeyPrefix("e2e");
  const [albPort, productPort, inventoryPort] = (await freePorts(3)) as [number, number, number];
  const alb = launchNode("packages/local-alb/src/main.ts", {
    name: "local ALB",
    env: {
      HOST: "127.0.0.1",
      ALB_PORT: String(albPort),
      PRODUCT_SERVICE_PORT: String(productPort),
      INVENTORY_SERVICE_PORT: String(inventoryPort),
      LAMBDA_ARTEFACTS_DIR: path.join(artefactsDir, "lambda"),
      DATABASE_URL: database.url,
      REDIS_URL: options.redisUrl ?? redisUrl,
      REDIS_KEY_PREFIX: redisKeyPrefix,
      LOG_LEVEL: options.logLevel ?? "warn",
    },
  });
  // The process ends when its stack does; the bundles go with it.
  void alb.exited.then(() => rmSync(artefactsDir, { recursive: true, force: true }));
  const local = (port: number) => `http://127.0.0.1:${port}`;
  const stack: E2eStack = {
    database,
    redisKeyPrefix,
    gateway: functionView("api-gateway", local(albPort), alb),
    productService: functionView("product-service", local(productPort), alb),
    inventoryService: functionView("inventory-service", local(inventoryPort), alb),
  };
  try {
    // Ready once the gateway vouches for both services (what it saw of them while they were
    // still starting is otherwise its answer for a second).
    await waitForHealth(stack.gateway, stack.gateway.url, { ready: saysHealthy });
  } catch (error) {
    await alb.stop();
    await Promise.all([database.drop(), removeCacheKeys(redisKeyPrefix)]);
    throw error;
  }
  return stack;
}
