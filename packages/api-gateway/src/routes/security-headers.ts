import type { IncomingMessage, ServerResponse } from "node:http";
import type {
  FastifyInstance,
  FastifyReply,
  FastifyRequest,
  HookHandlerDoneFunction,
} from "fastify";
import helmet from "helmet";

// helmet's headers that only mean something to a browser showing an HTML document: a window's
// opener, its agent cluster, DNS prefetching from its links, old Internet Explorer's download
// and XSS-filter behaviour, Adobe clients' policy files. A JSON answer has no use for them.
const documentOnly = new Set([
  "cross-origin-opener-policy",
  "origin-agent-cluster",
  "x-dns-prefetch-control",
  "x-download-options",
  "x-permitted-cross-domain-policies",
  "x-xss-protection",
]);

export interface SecurityHeaders {
  /** For every answer: CSP, HSTS, nosniff, frame options, referrer and resource policies. */
  everyAnswer: Record<string, string>;
  /** Added on the HTML pages (dashboard, API reference). */
  documents: Record<string, string>;
}

/**
 * helmet's default headers, worked out once. With fixed options they are the same for every
 * answer, and running helmet's dozen middlewares on each request cost the gateway about half its
 * throughput in the profile (BENCHMARKS.md); setting a ready-made set costs next to nothing.
 */
export function securityHeaders(): SecurityHeaders {
  const split: SecurityHeaders = { everyAnswer: {}, documents: {} };
  const response = {
    setHeader: (name: string, value: string | number | readonly string[]) => {
      const lowerCase = name.toLowerCase();
      const set = documentOnly.has(lowerCase) ? split.documents : split.everyAnswer;
      set[lowerCase] = String(value);
    },
    removeHeader: () => {},
  } as unknown as ServerResponse;
  helmet()({} as IncomingMessage, response, () => {});
  return split;
}

/** Puts `headers` on every answer of `app` (its encapsulated context), 404s and errors included. */
export function addHeaders(app: FastifyInstance, headers: Record<string, string>): void {
  app.addHook(
    "onRequest",
    (_request: FastifyRequest, reply: FastifyReply, done: HookHandlerDoneFunction) => {
      reply.headers(headers);
      done();
    },
  );
}
