import { type FastifyReply, type FastifyRequest, LogController } from "fastify";
import type { Logger } from "../logger.ts";

/** One JSON line per request, written when it completes, instead of Fastify's two. */
export class OneLineRequestLog extends LogController {
  constructor() {
    super({ requestIdLogLabel: "requestId" });
  }

  override incomingRequest(): void {}

  override requestCompleted(
    error: Error | null | undefined,
    request: FastifyRequest,
    reply: FastifyReply,
  ): void {
    // Under load with info off, building the line would be most of the cost of logging.
    if (!(request.log as Logger).isLevelEnabled("info")) return;
    request.log.info(
      {
        method: request.method,
        route: request.routeOptions.url ?? "(unmatched)",
        url: request.url,
        // The address the rate limit counts: behind trusted proxies, the one they saw.
        remoteAddress: request.ip,
        status: reply.statusCode,
        durationMs: Math.round(reply.elapsedTime * 100) / 100,
        ...(error ? { err: error } : {}),
      },
      "request",
    );
  }
}
