import { type FastifyInstance, fastify } from "fastify";
import { describeError } from "../errors/problem-of-error.ts";
import type { Logger } from "../logger.ts";
import { lazyRequestLogger } from "./lazy-request-logger.ts";
import {
  everyRequestLogged,
  OneLineRequestLog,
  type RequestLogOptions,
} from "./one-line-request-log.ts";
import { requestIdOf } from "./request-id.ts";

export interface HttpServerOptions {
  logger: Logger;
  /** Bytes; larger bodies get 413 before any parsing. */
  bodyLimit?: number;
  /**
   * Proxies in front that each append the address they saw to X-Forwarded-For; `request.ip` is
   * the address the outermost of them saw. 0 (default): the socket's address, the header ignored.
   */
  trustedProxyHops?: number;
  /** Which requests get a line; by default every one. */
  requestLog?: RequestLogOptions;
}

/**
 * Fastify's trust rule for a hop count. Fastify refuses a bare number (it trusts nothing then),
 * since a count cannot tell a proxy from a client that reaches the server directly; a function
 * states the count anyway, for servers only their proxies can reach.
 */
function trustHops(hops: number): false | ((address: string, hop: number) => boolean) {
  if (!Number.isInteger(hops) || hops < 0)
    throw new Error(`trustedProxyHops must be a whole number from 0, not ${hops}`);
  return hops === 0 ? false : (_address, hop) => hop < hops;
}

// What a socket takes before a streamed answer waits for it to drain. Node's 16 KiB made the
// gateway write a large catalogue about one 20 KB chunk per system call; with this, writes
// gather into one call per quarter megabyte (warm 10,000-product catalogue: gateway CPU per
// answer 6.2 → 3.6 ms, issue 16). A socket holds this much only while its client is slow.
const socketBufferBytes = 256 * 1024;

/**
 * A Fastify instance with what every StockWiz process shares: request ids, one log line per
 * request, and problem details for every error, including unknown routes.
 */
export function createHttpServer({
  logger,
  bodyLimit = 64 * 1024,
  trustedProxyHops = 0,
  requestLog = everyRequestLogged,
}: HttpServerOptions): FastifyInstance {
  const app = fastify({
    loggerInstance: logger,
    logController: new OneLineRequestLog(requestLog),
    childLoggerFactory: lazyRequestLogger,
    genReqId: requestIdOf,
    bodyLimit,
    trustProxy: trustHops(trustedProxyHops),
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 200 },
    return503OnClosing: true,
    http: { highWaterMark: socketBufferBytes },
  }) as unknown as FastifyInstance;

  // While draining, answers tell keep-alive clients to hang up; otherwise a connection that was
  // busy when close() began stays open until its keep-alive timeout and holds the exit back.
  // (Callback-style hooks: they run on every request, and cost less than async ones.)
  let closing = false;
  app.addHook("preClose", (done) => {
    closing = true;
    done();
  });
  app.addHook("onRequest", (request, reply, done) => {
    reply.header("x-request-id", request.id);
    done();
  });
  app.addHook("onSend", (_request, reply, payload, done) => {
    if (closing) reply.header("connection", "close");
    done(null, payload);
  });

  app.setErrorHandler(async (error, request, reply) => {
    const { status, problem, unexpected, headers } = describeError(error);
    if (unexpected) request.log.error({ err: error }, "unexpected error");
    else if (status >= 500) request.log.warn({ err: error }, problem.detail);
    if (headers) reply.headers(headers);
    return reply.code(status).type("application/problem+json").send(problem);
  });
  app.setNotFoundHandler(async (request, reply) => {
    // Path-free on purpose: a forwarded path is shortened, and both targets must answer alike.
    const { problem } = describeError({
      statusCode: 404,
      message: `No route for ${request.method} here`,
    });
    return reply.code(404).type("application/problem+json").send(problem);
  });
  return app;
}
