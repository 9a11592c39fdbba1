import { describe, expect, it, vi } from "vitest";
import { createHttpServer } from "../src/fastify/create-http-server.ts";
import { LazyRequestLogger, lazyRequestLogger } from "../src/fastify/lazy-request-logger.ts";
import { recordingLogger } from "./recording-logger.ts";

describe("LazyRequestLogger", () => {
  it("when nothing is written then no pino child is made", () => {
    const { logger } = recordingLogger("warn");
    const child = vi.spyOn(logger, "child");
    const requestLogger = new LazyRequestLogger(logger, { requestId: "r-1" });
    requestLogger.info({ ignored: true }, "below the level");
    expect(requestLogger.isLevelEnabled("info")).toBe(false);
    expect(requestLogger.level).toBe("warn");
    expect(child).not.toHaveBeenCalled();
  });

  it("when a line is written then it carries the request's bindings, through one child", async () => {
    const { logger, lines } = recordingLogger("info");
    const child = vi.spyOn(logger, "child");
    const requestLogger = new LazyRequestLogger(logger, { requestId: "r-2" });
    requestLogger.info({ step: 1 }, "first");
    requestLogger.error("second");
    await new Promise((resolve) => setImmediate(resolve));
    expect(lines.map(({ requestId, msg, step }) => ({ requestId, msg, step }))).toEqual([
      { requestId: "r-2", msg: "first", step: 1 },
      { requestId: "r-2", msg: "second", step: undefined },
    ]);
    expect(child).toHaveBeenCalledTimes(1);
  });

  it("when its level is changed then only this request's logger changes", () => {
    const { logger } = recordingLogger("warn");
    const requestLogger = new LazyRequestLogger(logger, { requestId: "r-3" });
    requestLogger.level = "debug";
    expect(requestLogger.isLevelEnabled("debug")).toBe(true);
    expect(logger.isLevelEnabled("debug")).toBe(false);
  });

  it("when a route asks for a level of its own then pino's child is made at once", () => {
    const { logger } = recordingLogger("warn");
    const made = lazyRequestLogger(logger, { requestId: "r-4" }, { level: "trace" });
    expect(made).not.toBeInstanceOf(LazyRequestLogger);
    expect(made.level).toBe("trace");
  });

  it("when a request fails on a server then its error line names the request id", async () => {
    const { logger, lines } = recordingLogger("warn");
    const app = createHttpServer({ logger });
    app.get("/boom", async () => {
      throw new Error("unexpected");
    });
    const response = await app.inject({ url: "/boom", headers: { "x-request-id": "trace-me" } });
    await app.close();
    expect(response.statusCode).toBe(500);
    expect(lines).toContainEqual(
      expect.objectContaining({ requestId: "trace-me", msg: "unexpected error" }),
    );
  });
});
