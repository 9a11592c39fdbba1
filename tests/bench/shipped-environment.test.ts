import { describe, expect, it } from "vitest";
import {
  type BenchPlacement,
  benchRateLimitPerMinute,
  shippedEnvironment,
} from "../../bench/lib/shipped-environment.ts";
import { appServiceKeys } from "../../stacks/config/resource-names.ts";
import { serviceEnvironment } from "../../stacks/config/service-environment.ts";
import { stageConfigFor } from "../../stacks/config/stage-config.ts";

const placement: BenchPlacement = {
  ports: { apiGateway: 41000, productService: 41001, inventoryService: 41002 },
  databaseUrl: "postgres://postgres@127.0.0.1:5432/bench_x",
  redisUrl: "redis://127.0.0.1:6379",
  redisKeyPrefix: "bench-x:",
};
// What the bench may change: where the processes listen and meet their stores and each other.
const addresses = [
  "PORT",
  "PRODUCT_SERVICE_URL",
  "INVENTORY_SERVICE_URL",
  "DATABASE_URL",
  "REDIS_URL",
];

describe("the bench's service environment", () => {
  const stage = stageConfigFor("dev", { alertEmail: "ops@example.com", region: "us-east-1" });

  it("when the bench starts a service then it gets every variable its ECS task sets, only the addresses changed", () => {
    for (const key of appServiceKeys) {
      const task = serviceEnvironment(stage, key, {
        database: { url: placement.databaseUrl },
        redisUrl: placement.redisUrl,
      });
      const bench = shippedEnvironment(key, placement);
      for (const [name, value] of Object.entries(task))
        if (!addresses.includes(name)) expect(bench[name], `${key} ${name}`).toBe(value);
      expect(bench.PORT).toBe(String(placement.ports[key]));
      expect(bench.LOG_LEVEL).toBeUndefined();
      expect(bench.LOG_SUCCESS_SAMPLE_RATE).toBe(
        String(stage.service.requestLog.successSampleRate),
      );
    }
  });

  it("when the gateway runs under the bench then its rate limiter stays on, above any rate a row reaches", () => {
    const gateway = shippedEnvironment("apiGateway", placement);
    expect(Number(gateway.RATE_LIMIT_PER_MINUTE)).toBe(benchRateLimitPerMinute);
    // wrk is one client: a million requests per second from it would still pass.
    expect(benchRateLimitPerMinute / 60).toBeGreaterThanOrEqual(1_000_000);
    expect(shippedEnvironment("productService", placement)).not.toHaveProperty(
      "RATE_LIMIT_PER_MINUTE",
    );
  });
});
