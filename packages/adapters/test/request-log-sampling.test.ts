import { describe, expect, it } from "vitest";
import { createHttpServer } from "../src/fastify/create-http-server.ts";
import type { RequestLogOptions } from "../src/fastify/one-line-request-log.ts";
import { loadServiceConfig } from "../src/server/service-config.ts";
import { recordingLogger } from "./recording-logger.ts";

/** A server with a fast success, a refusal and a failure, logging at info as the task does. */
function serverLogging(requestLog: RequestLogOptions) {
  const recording = recordingLogger("info");
  const app = createHttpServer({ logger: recording.logger, requestLog });
  app.get("/ok", async () => ({ ok: true }));
  app.get("/refused", async (_request, reply) => reply.code(409).send({ conflict: true }));
  app.get("/boom", async () => {
    throw new Error("unexpected");
  });
  return { app, ...recording };
}

const requestLine = (url: string) => (line: Record<string, unknown>) =>
  line.msg === "request" && line.url === url;

// A line written after the ones a test expects not to see: lines are written in order, so once
// this one is there, any line of an earlier request would be too.
const marker = "/marker-404";

describe("request log lines", () => {
  it("when successes are not sampled then fast ones write nothing, refusals and failures their line with the request id", async () => {
    const { app, lines, lineWhere } = serverLogging({
      successSampleRate: 0,
      slowRequestMs: 60_000,
    });
    await app.inject({ url: "/ok" });
    const refused = await app.inject({ url: "/refused" });
    const failed = await app.inject({ url: "/boom" });
    await app.inject({ url: marker });
    await lineWhere(requestLine(marker));
    await app.close();

    expect(lines.filter(requestLine("/ok"))).toEqual([]);
    expect(await lineWhere(requestLine("/refused"))).toMatchObject({
      status: 409,
      requestId: refused.headers["x-request-id"],
    });
    expect(await lineWhere(requestLine("/boom"))).toMatchObject({
      status: 500,
      requestId: failed.headers["x-request-id"],
    });
    // Every line of the failing request carries its id, the error's own line too.
    const failedLines = lines.filter((line) => line.requestId === failed.headers["x-request-id"]);
    expect(failedLines.map((line) => line.msg)).toEqual(["unexpected error", "request"]);
    expect(failedLines[0]).toHaveProperty("err.message", "unexpected");
  });

  it("when the random source falls under the rate then that success is logged, and not above it", async () => {
    const draws = [0.004, 0.5, 0.0099];
    const { app, lines, lineWhere } = serverLogging({
      successSampleRate: 0.01,
      slowRequestMs: 60_000,
      random: () => draws.shift() ?? 1,
    });
    const ids = ["first", "second", "third"];
    for (const id of ids) await app.inject({ url: "/ok", headers: { "x-request-id": id } });
    await app.inject({ url: marker });
    await lineWhere(requestLine(marker));
    await app.close();

    expect(lines.filter(requestLine("/ok")).map((line) => line.requestId)).toEqual([
      "first",
      "third",
    ]);
  });

  it("when a success takes the slow threshold or longer then it is logged whatever the sample", async () => {
    const { app, lineWhere } = serverLogging({ successSampleRate: 0, slowRequestMs: 0 });
    const answer = await app.inject({ url: "/ok" });
    const line = await lineWhere(requestLine("/ok"));
    await app.close();
    expect(line).toMatchObject({ status: 200, requestId: answer.headers["x-request-id"] });
  });
});

describe("the request log's configuration", () => {
  const service = { name: "product-service", defaultPort: 8001, routes: [] };

  it("when nothing is set then every request is logged, as a developer expects", () => {
    expect(loadServiceConfig(service, {}).requestLog).toEqual({
      successSampleRate: 1,
      slowRequestMs: 1_000,
    });
  });

  it("when the stacks set a sample rate and a threshold then the loader reads them", () => {
    const env = { LOG_SUCCESS_SAMPLE_RATE: "0.01", LOG_SLOW_REQUEST_MS: "250" };
    expect(loadServiceConfig(service, env).requestLog).toEqual({
      successSampleRate: 0.01,
      slowRequestMs: 250,
    });
  });

  it("when the rate is not a share then start-up stops naming the variable", () => {
    expect(() => loadServiceConfig(service, { LOG_SUCCESS_SAMPLE_RATE: "5" })).toThrow(
      /LOG_SUCCESS_SAMPLE_RATE/,
    );
  });
});
