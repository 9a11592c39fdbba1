import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePorts } from "../kit/free-ports.ts";
import type { ProcessExit } from "../kit/process/launch.ts";
import { waitForHealth } from "../kit/process/wait-for-health.ts";
import { startTcpRelay, type TcpRelay } from "../kit/tcp-relay.ts";
import { type E2eStack, startE2eStack, stopAndExpectCleanExit } from "./harness/e2e-stack.ts";
import { call, expectProblem } from "./harness/http-client.ts";
import { type ServiceProcess, spawnService } from "./harness/service-process.ts";

// CONTRACT.md §6 "upstream down": 502 or 504 problem details, never a hang; the front door and
// the other service keep serving, and /health stays 200 for the load balancer.

let stack: E2eStack;

beforeAll(async () => {
  stack = await startE2eStack();
});

afterAll(async () => {
  await stopAndExpectCleanExit(stack);
});

const gateway = (path: string) => `${stack.gateway.url}${path}`;

describe("the inventory service stopped mid-run", () => {
  let inventoryExit: ProcessExit;

  beforeAll(async () => {
    // Warm first, so an answer below cannot be a cache that never needed the service.
    expect((await call(gateway("/api/inventory"))).status).toBe(200);
    expect((await call(gateway("/api/products-full"))).status).toBe(200);
    inventoryExit = await stack.inventoryService.stop();
  });

  it("when the inventory service is sent SIGTERM then it exits with code 0", () => {
    expect(inventoryExit).toEqual({ code: 0, signal: null });
  });

  it.each([
    { method: "GET", path: "/api/inventory" },
    { method: "GET", path: "/api/inventory/1" },
    { method: "GET", path: "/api/inventory/product/1" },
    { method: "GET", path: "/inventory/1" },
    { method: "PUT", path: "/api/inventory/1" },
  ] as const)(
    "when a client calls $method $path then the gateway answers 502 problem details",
    async ({ method, path }) => {
      const body = method === "PUT" ? { quantity: 1 } : undefined;

      const answer = await call(gateway(path), { method, body });

      expectProblem(answer, 502);
    },
  );

  it("when a client lists /api/products then the gateway still answers it", async () => {
    const answer = await call(gateway("/api/products"));

    expect(answer.status).toBe(200);
    expect((answer.body as unknown[]).length).toBeGreaterThanOrEqual(5);
  });

  it("when a client reads the merged /api/products/1 then it still comes with its stock", async () => {
    const answer = await call(gateway("/api/products/1"));

    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ id: 1, inventory: { quantity: 50 } });
  });

  it("when /health is asked then it stays 200 and says degraded with the inventory service unhealthy", async () => {
    const answer = await call(gateway("/health"));

    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      status: "degraded",
      service: "api-gateway",
      downstream_services: { product_service: "healthy", inventory_service: "unhealthy" },
    });
  });

  it("when products-full is force-refreshed then it answers 502 problem details, not a stale or partial list", async () => {
    const answer = await call(gateway("/api/products-full?force_refresh=true"));

    expectProblem(answer, 502);
  });
});

describe("an inventory service that accepts connections but never answers", () => {
  let silent: TcpRelay;
  let slowGateway: ServiceProcess;

  beforeAll(async () => {
    // Stalled from the start: connections are accepted and nothing ever comes back.
    const inventoryPort = Number(new URL(stack.inventoryService.url).port);
    silent = await startTcpRelay({ host: "127.0.0.1", port: inventoryPort });
    await silent.cut("stall");
    const [gatewayPort] = await freePorts(1);
    slowGateway = spawnService("api-gateway", gatewayPort as number, {
      LOG_LEVEL: "warn",
      PRODUCT_SERVICE_URL: stack.productService.url,
      INVENTORY_SERVICE_URL: `http://127.0.0.1:${silent.port}`,
      UPSTREAM_TIMEOUT_MS: "500",
    });
    await waitForHealth(slowGateway, slowGateway.url);
  });

  afterAll(async () => {
    const exit = await slowGateway?.stop();
    await silent.close();
    expect(exit).toEqual({ code: 0, signal: null });
  });

  it("when a client reads /api/inventory then the gateway gives up with 504 problem details", async () => {
    const answer = await call(`${slowGateway.url}/api/inventory`);

    expectProblem(answer, 504);
  });

  it("when /health is asked then it stays 200, degraded, with the inventory service unhealthy", async () => {
    const answer = await call(`${slowGateway.url}/health`);

    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      status: "degraded",
      downstream_services: { product_service: "healthy", inventory_service: "unhealthy" },
    });
  });
});
