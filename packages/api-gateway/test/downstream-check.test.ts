import { describe, expect, it } from "vitest";
import { DownstreamCheck } from "../src/upstream/downstream-check.ts";
import type { UpstreamService } from "../src/upstream/upstream-service.ts";

/** A service whose /health answers as `up` says, holding connections as `connected` says. */
function fakeService(state: { up: boolean; connected: boolean }) {
  let asked = 0;
  const service = {
    get connected() {
      return state.connected;
    },
    getJson: async () => {
      asked += 1;
      if (!state.up) throw new Error("connection refused");
      return { status: "healthy" };
    },
  } as unknown as UpstreamService;
  return { service, asked: () => asked };
}

// An hour: no answer in these tests grows old; only the connections make it stale.
const maxAgeMs = 3_600_000;

describe("DownstreamCheck", () => {
  it("when a healthy answer is fresh and the gateway is still connected then it is reused", async () => {
    const { service, asked } = fakeService({ up: true, connected: true });
    const check = new DownstreamCheck(service, maxAgeMs);

    await check.state();
    await check.state();

    expect(asked()).toBe(1);
    expect(check.current()).toBe("healthy");
  });

  it("when the service closed every connection then a healthy answer is asked again", async () => {
    const state = { up: true, connected: true };
    const { service, asked } = fakeService(state);
    const check = new DownstreamCheck(service, maxAgeMs);
    await check.state();

    Object.assign(state, { up: false, connected: false });

    expect(check.current()).toBeUndefined();
    await expect(check.state()).resolves.toBe("unhealthy");
    expect(asked()).toBe(2);
  });

  it("when the service answered unhealthy and a request has reached it since then it is asked again", async () => {
    // As at start-up: the gateway asked before the service listened, then a client's call got through.
    const state = { up: false, connected: false };
    const { service } = fakeService(state);
    const check = new DownstreamCheck(service, maxAgeMs);
    await expect(check.state()).resolves.toBe("unhealthy");

    Object.assign(state, { up: true, connected: true });

    expect(check.current()).toBeUndefined();
    await expect(check.state()).resolves.toBe("healthy");
  });

  it("when the service is down and holds no connection then the unhealthy answer is reused", async () => {
    const { service, asked } = fakeService({ up: false, connected: false });
    const check = new DownstreamCheck(service, maxAgeMs);

    await check.state();
    await check.state();

    expect(asked()).toBe(1);
  });
});
