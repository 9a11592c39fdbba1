import { describe, expect, it } from "vitest";
import { createHttpServer } from "../src/fastify/create-http-server.ts";
import { recordingLogger } from "./recording-logger.ts";

// The address the server's socket sees: the proxy nearest to it (an ALB node, say).
const nearestProxy = "10.0.1.5";

async function serverTrusting(trustedProxyHops?: number) {
  const recording = recordingLogger("info");
  const app = createHttpServer({ logger: recording.logger, trustedProxyHops });
  app.get("/whoami", async (request) => ({ ip: request.ip }));
  const ipFor = async (forwardedFor?: string) => {
    const response = await app.inject({
      url: "/whoami",
      remoteAddress: nearestProxy,
      headers: forwardedFor === undefined ? {} : { "x-forwarded-for": forwardedFor },
    });
    return (response.json() as { ip: string }).ip;
  };
  return { app, ipFor, ...recording };
}

describe("createHttpServer trustedProxyHops", () => {
  it("when no hop is trusted (the default) then X-Forwarded-For is ignored", async () => {
    const { app, ipFor } = await serverTrusting();
    expect(await ipFor("198.51.100.1, 203.0.113.10")).toBe(nearestProxy);
    await app.close();
  });

  it("when one hop is trusted then the client is the rightmost entry, the one the proxy appended", async () => {
    const { app, ipFor } = await serverTrusting(1);
    expect(await ipFor("203.0.113.10")).toBe("203.0.113.10");
    expect(await ipFor("198.51.100.1, 198.51.100.2, 203.0.113.10")).toBe("203.0.113.10");
    // Without the header there is nobody behind the proxy to name.
    expect(await ipFor()).toBe(nearestProxy);
    await app.close();
  });

  it("when two hops are trusted then the client is the entry the outer proxy appended", async () => {
    const { app, ipFor } = await serverTrusting(2);
    expect(await ipFor("198.51.100.1, 203.0.113.10, 192.0.2.7")).toBe("203.0.113.10");
    await app.close();
  });

  it("when a request is logged then its line names the same client address", async () => {
    const { app, ipFor, lineWhere } = await serverTrusting(1);
    expect(await ipFor("198.51.100.1, 203.0.113.10")).toBe("203.0.113.10");
    const line = await lineWhere((logged) => logged.msg === "request");
    expect(line).toMatchObject({ remoteAddress: "203.0.113.10", status: 200 });
    await app.close();
  });

  it("when the hop count is not a whole number from 0 then the server is refused", () => {
    const { logger } = recordingLogger("silent");
    expect(() => createHttpServer({ logger, trustedProxyHops: -1 })).toThrow(/whole number/);
    expect(() => createHttpServer({ logger, trustedProxyHops: 1.5 })).toThrow(/whole number/);
  });
});
