import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { waitForHealthy } from "./wait-for-healthy.ts";

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
  return { url: `http://127.0.0.1:${port}/health`, calls: () => calls };
}

describe("waitForHealthy", () => {
  it("when the gateway is degraded at first then it keeps asking until healthy", async () => {
    const health = await healthAnswering(
      '{"status":"degraded"}',
      '{"status":"degraded"}',
      '{"status":"healthy"}',
    );

    await waitForHealthy({
      url: health.url,
      deadlineMs: 60_000,
      stillRunning: () => true,
      pollMs: 1,
    });

    expect(health.calls()).toBe(3);
  });

  it("when the stack has exited then it stops waiting and says so", async () => {
    const health = await healthAnswering('{"status":"degraded"}');

    await expect(
      waitForHealthy({
        url: health.url,
        deadlineMs: 60_000,
        stillRunning: () => health.calls() < 2,
        pollMs: 1,
      }),
    ).rejects.toThrow(/exited before it was healthy \(200 \{"status":"degraded"\}\)/);
  });
});
