import { describe, expect, it } from "vitest";
import { settingsFromEnv } from "../src/index.ts";

describe("settingsFromEnv", () => {
  it("when the stack sets every variable then the settings carry them", () => {
    expect(
      settingsFromEnv({
        CHECK_BASE_URL: "http://dev-alb.test",
        METRIC_NAMESPACE: "StockWiz/dev",
        CHECK_TIMEOUT_MS: "5000",
      }),
    ).toEqual({ baseUrl: "http://dev-alb.test", namespace: "StockWiz/dev", timeoutMs: 5000 });
  });

  it("when the timeout is not set then it defaults to 10 seconds", () => {
    const settings = settingsFromEnv({ CHECK_BASE_URL: "http://x.test", METRIC_NAMESPACE: "N" });
    expect(settings.timeoutMs).toBe(10_000);
  });

  it("when the base URL is missing then it refuses to start", () => {
    expect(() => settingsFromEnv({ METRIC_NAMESPACE: "StockWiz/dev" })).toThrow(/CHECK_BASE_URL/);
  });

  it("when the timeout is not a positive integer then it refuses to start", () => {
    expect(() =>
      settingsFromEnv({
        CHECK_BASE_URL: "http://x.test",
        METRIC_NAMESPACE: "N",
        CHECK_TIMEOUT_MS: "soon",
      }),
    ).toThrow(/CHECK_TIMEOUT_MS/);
  });
});
