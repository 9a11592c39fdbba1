import { surrogateKeyHeader } from "@stockwiz/core";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { endToEndHeaders } from "../upstream/hop-headers.ts";
import { linkForClient } from "../upstream/link-for-client.ts";
import type { ResponseCopies } from "../upstream/response-copies.ts";
import type { UpstreamService } from "../upstream/upstream-service.ts";

type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

export interface ProxyMount {
  /** The path the gateway answers, e.g. `/api/products`. */
  prefix: string;
  upstream: UpstreamService;
  /** What replaces the prefix upstream: `/products` for `/api/products`. */
  upstreamPrefix: string;
  /** Route patterns below the prefix; the prefix itself and its whole subtree by default. */
  paths?: readonly string[];
  methods?: readonly Method[];
}

const allMethods: readonly Method[] = ["GET", "POST", "PUT", "PATCH", "DELETE"];

// Requests that must reach the service: a client asking about its own copy (or part of one),
// and a client that names its request to trace it through the service's logs.
const mustReachService = ["if-none-match", "if-modified-since", "range", "x-request-id"];

const copiable = (request: FastifyRequest) =>
  request.method === "GET" && mustReachService.every((name) => !(name in request.headers));

async function forward(
  mount: ProxyMount,
  copies: ResponseCopies,
  request: FastifyRequest,
  reply: FastifyReply,
) {
  const path = mount.upstreamPrefix + request.url.slice(mount.prefix.length);
  const send = () =>
    mount.upstream.request({
      method: request.method,
      path,
      headers: { ...endToEndHeaders(request.headers), "x-request-id": request.id },
      body: request.body instanceof Buffer && request.body.length > 0 ? request.body : undefined,
    });
  const response = copiable(request) ? await copies.get(mount.upstream, path, send) : await send();
  // The cache keys the service names are for the gateway's copies, not for the client.
  const { link, [surrogateKeyHeader]: _readThrough, ...headers } = response.headers;
  reply.code(response.status).headers(headers);
  if (link !== undefined)
    reply.header("link", linkForClient(link, mount.upstreamPrefix, mount.prefix));
  return response.body;
}

/**
 * Forwards whole subtrees to the owning service, bytes untouched: the service validates and
 * answers, the gateway passes status, headers and body back. GET answers may come from the
 * gateway's copies, which are never older than the last acknowledged write.
 */
export function proxyRoutes(mounts: readonly ProxyMount[], copies: ResponseCopies) {
  return async function proxy(app: FastifyInstance): Promise<void> {
    // The gateway never interprets bodies it forwards.
    app.removeAllContentTypeParsers();
    app.addContentTypeParser("*", { parseAs: "buffer" }, (_request, body, done) =>
      done(null, body),
    );

    for (const mount of mounts) {
      const handler = (request: FastifyRequest, reply: FastifyReply) =>
        forward(mount, copies, request, reply);
      for (const path of mount.paths ?? ["", "/*"]) {
        app.route({
          method: [...(mount.methods ?? allMethods)],
          url: mount.prefix + path,
          handler,
        });
      }
    }
  };
}
