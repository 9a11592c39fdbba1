import { afterEach, describe, expect, it, vi } from "vitest";
import { CacheTrust, type TrustState } from "../src/cache/cache-trust.ts";

/** A trust whose Redis the test connects and whose clearings it finishes by hand. */
function trustOnHand() {
  let connected = false;
  const clearings: Array<{ finish(): void; fail(): void }> = [];
  const states: TrustState[] = [];
  const trust = new CacheTrust({
    connected: () => connected,
    clear: () =>
      new Promise<void>((resolve, reject) => {
        clearings.push({ finish: resolve, fail: () => reject(new Error("cut off")) });
      }),
    changed: (state) => states.push(state),
  });
  return {
    trust,
    states,
    clearings,
    connect() {
      connected = true;
      trust.connected();
    },
    disconnect() {
      connected = false;
      trust.lost();
    },
  };
}

const settled = () => new Promise((resolve) => setImmediate(resolve));

afterEach(() => {
  vi.useRealTimers();
});

describe("CacheTrust", () => {
  it("when a process first reaches Redis then it clears the namespace before trusting it", async () => {
    const redis = trustOnHand();

    redis.connect();
    expect(redis.trust.state).toBe("clearing");
    redis.clearings[0]?.finish();
    await settled();

    expect(redis.states).toEqual(["clearing", "waiting", "trusted"]);
  });

  it("when trust is lost during a clearing then that clearing does not count and another runs", async () => {
    const redis = trustOnHand();
    redis.connect();
    redis.trust.lost(); // a command failed while the first clearing ran

    redis.clearings[0]?.finish();
    await settled();
    expect(redis.trust.state).toBe("clearing");
    redis.clearings[1]?.finish();
    await settled();

    expect(redis.trust.trusted).toBe(true);
  });

  it("when Redis goes away then nothing is trusted until it is back and cleared again", async () => {
    vi.useFakeTimers();
    const redis = trustOnHand();
    redis.connect();
    redis.clearings[0]?.finish();
    await redis.trust.whenTrusted();

    redis.disconnect();
    expect(redis.trust.trusted).toBe(false);
    await vi.runAllTimersAsync(); // the pause before clearing again passes
    expect(redis.clearings).toHaveLength(1); // nothing to clear while Redis is away
    redis.connect();
    expect(redis.trust.state).toBe("clearing");
    redis.clearings[1]?.finish();
    await vi.runAllTimersAsync();

    expect(redis.trust.trusted).toBe(true);
  });

  it("when trust is lost again soon after it came back then the next clearing waits", async () => {
    vi.useFakeTimers();
    const redis = trustOnHand();
    redis.connect();
    redis.clearings[0]?.finish();
    await vi.advanceTimersByTimeAsync(0);

    redis.trust.lost(); // a command failed, Redis still connected
    expect(redis.trust.state).toBe("pausing");
    await vi.advanceTimersByTimeAsync(249);
    expect(redis.clearings).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);

    expect(redis.trust.state).toBe("clearing");
  });

  it("when a clearing fails then it is tried again a second later", async () => {
    vi.useFakeTimers();
    const redis = trustOnHand();
    redis.connect();

    redis.clearings[0]?.fail();
    await vi.advanceTimersByTimeAsync(0);
    expect(redis.trust.state).toBe("pausing");
    await vi.advanceTimersByTimeAsync(1_000);

    expect(redis.clearings).toHaveLength(2);
  });

  it("when stopped then it clears no more", async () => {
    const redis = trustOnHand();
    redis.trust.stop();

    redis.connect();

    expect(redis.clearings).toHaveLength(0);
  });
});
