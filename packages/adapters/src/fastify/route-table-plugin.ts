import { type AnyRoute, type InvokeOptions, invokeRoute } from "@stockwiz/core";
import type { FastifyInstance, FastifyRequest } from "fastify";

type HeaderValue = string | string[] | undefined;

export const flattenHeaders = (headers: Record<string, HeaderValue>) => {
  const flat: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(headers)) {
    flat[name] = Array.isArray(value) ? value.join(", ") : value;
  }
  return flat;
};

const rawRequestOf = (request: FastifyRequest) => ({
  params: request.params as Record<string, string>,
  query: request.query as Record<string, string | string[]>,
  body: request.body,
  headers: flattenHeaders(request.headers),
  requestId: request.id,
});

/** Mounts a framework-agnostic route table: validation and handling stay in core. */
export function routeTablePlugin<Deps>(
  routes: readonly AnyRoute<Deps>[],
  deps: Deps,
  options: InvokeOptions = {},
) {
  return async function routeTable(app: FastifyInstance): Promise<void> {
    for (const route of routes) {
      app.route({
        method: route.method,
        url: route.path,
        handler: async (request, reply) => {
          const result = await invokeRoute(route, rawRequestOf(request), deps, options);
          reply.code(result.status);
          if (result.headers) reply.headers(result.headers);
          // 204 and friends carry no body; an empty string tells Fastify the reply is complete.
          return result.body === undefined ? "" : result.body;
        },
      });
    }
  };
}
