import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { pollHealth, saysHealthy } from "./wait-for-health.ts";

let server: Server | undefined;
afterEach(
  () => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())),
);

/** A /health that answers each body in turn, repeating the last one. */
async function healthAnswering(...bodies: string[]): Promise<{ url: string; calls: () => number }> {
  let calls = 0;
  server = createServer((_request, response) => {
    const body = bodies[Math.min(calls, bodies.length - 1)];
    calls += 1;
    response.setHeader("content-type", "application/json").end(body);
  });
  await new Promise<void>((resolve) => server?.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, calls: () => calls };
}

describe("pollHealth until the stack says healthy", () => {
  it("when the gateway is degraded at first then it keeps asking until healthy", async () => {
    const health = await healthAnswering(
      '{"status":"degraded"}',
      '{"status":"degraded"}',
      '{"status":"healthy"}',
    );

    await pollHealth(health.url, () => true, {
      ready: saysHealthy,
      timeoutMs: 60_000,
      intervalMs: 1,
    });

    expect(health.calls()).toBe(3);
  });

  it("when the stack has exited then it stops waiting and says so", async () => {
    const health = await healthAnswering('{"status":"degraded"}');

    await expect(
      pollHealth(health.url, () => health.calls() < 2, {
        ready: saysHealthy,
        timeoutMs: 60_000,
        intervalMs: 1,
      }),
    ).rejects.toThrow(/exited before it was healthy \(200 \{"status":"degraded"\}\)/);
  });
});
