import { webDistDir } from "@stockwiz/web";
import type { AppServiceKey } from "../../stacks/config/resource-names.ts";
import { serviceEnvironment } from "../../stacks/config/service-environment.ts";
import { stageConfigFor } from "../../stacks/config/stage-config.ts";

/**
 * The stage whose ECS task the bench reproduces: dev, legacy's shape. Its settings are read
 * from the stacks' own config; the deploy settings only name things the environment never holds.
 */
const shippedStage = stageConfigFor("dev", {
  alertEmail: "bench@example.invalid",
  region: "us-east-1",
});

/**
 * The gateway's limit in the task (6,000 per client per minute) would trip at once: wrk is one
 * client. It is raised through the gateway's own variable, so the limiter still runs on every
 * request as it does in the task, to a million per second, which no row comes near.
 */
export const benchRateLimitPerMinute = 60 * 1_000_000;

export interface BenchPlacement {
  /** The bench's free ports, where the task has fixed ones. */
  ports: Record<AppServiceKey, number>;
  databaseUrl: string;
  redisUrl: string;
  /** The run's own Redis namespace, so the bench never touches anyone else's keys. */
  redisKeyPrefix: string;
}

/**
 * A service's environment as the ECS task definition sets it (`serviceEnvironment`, which the
 * Service stack calls), with what the image's Dockerfile adds, and only the addresses changed:
 * loopback and free ports, the scratch database and Redis namespace, and the raised rate limit.
 */
export function shippedEnvironment(
  key: AppServiceKey,
  placement: BenchPlacement,
): Record<string, string> {
  const url = (port: number) => `http://127.0.0.1:${port}`;
  const task = serviceEnvironment(shippedStage, key, {
    database: { url: placement.databaseUrl },
    redisUrl: placement.redisUrl,
  });
  return {
    ...task,
    HOST: "127.0.0.1",
    PORT: String(placement.ports[key]),
    PRODUCT_SERVICE_URL: url(placement.ports.productService),
    INVENTORY_SERVICE_URL: url(placement.ports.inventoryService),
    REDIS_KEY_PREFIX: placement.redisKeyPrefix,
    ...(key === "apiGateway"
      ? { STOCKWIZ_WEB_DIST: webDistDir, RATE_LIMIT_PER_MINUTE: String(benchRateLimitPerMinute) }
      : {}),
  };
}

// Where the task's processes meet their stores and each other: the bench sets its own.
const addresses = new Set([
  "PORT",
  "DATABASE_URL",
  "REDIS_URL",
  "PRODUCT_SERVICE_URL",
  "INVENTORY_SERVICE_URL",
]);

/** What the report says the task sets for the gateway, addresses left out. */
export function shippedSettings(): string {
  const task = serviceEnvironment(shippedStage, "apiGateway", {
    database: { url: "postgres://unused" },
    redisUrl: "redis://unused",
  });
  const set = Object.entries(task)
    .filter(([name]) => !addresses.has(name))
    .map(([name, value]) => `${name}=${value}`);
  return [
    ...set,
    `LOG_LEVEL ${task.LOG_LEVEL ?? "unset (info)"}`,
    `rate limiter on, RATE_LIMIT_PER_MINUTE raised to ${benchRateLimitPerMinute.toLocaleString("en-US")}`,
  ].join(", ");
}
