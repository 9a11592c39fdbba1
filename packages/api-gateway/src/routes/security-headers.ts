import type { IncomingMessage, ServerResponse } from "node:http";
import type {
  FastifyInstance,
  FastifyReply,
  FastifyRequest,
  HookHandlerDoneFunction,
} from "fastify";
import helmet from "helmet";

/**
 * helmet's default headers, worked out once. With fixed options they are the same for every
 * answer, and running helmet's dozen middlewares on each request cost the gateway about half its
 * throughput in the profile (BENCHMARKS.md); setting a ready-made set costs next to nothing.
 */
export function helmetHeaders(): Record<string, string> {
  const headers: Record<string, string> = {};
  const response = {
    setHeader: (name: string, value: string | number | readonly string[]) => {
      headers[name] = String(value);
    },
    removeHeader: () => {},
  } as unknown as ServerResponse;
  helmet()({} as IncomingMessage, response, () => {});
  return headers;
}

/** Puts helmet's headers on every answer of `app`, its 404s and errors included. */
export function addSecurityHeaders(app: FastifyInstance): void {
  const headers = helmetHeaders();
  app.addHook(
    "onRequest",
    (_request: FastifyRequest, reply: FastifyReply, done: HookHandlerDoneFunction) => {
      reply.headers(headers);
      done();
    },
  );
}
