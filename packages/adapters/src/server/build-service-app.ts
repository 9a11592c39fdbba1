import cors from "@fastify/cors";
import type { AnyRoute, InvokeOptions, ServiceDeps } from "@stockwiz/core";
import type { FastifyInstance } from "fastify";
import { corsPolicy } from "../fastify/cors-policy.ts";
import { createHttpServer } from "../fastify/create-http-server.ts";
import type { RequestLogOptions } from "../fastify/one-line-request-log.ts";
import { routeTablePlugin } from "../fastify/route-table-plugin.ts";
import type { Logger } from "../logger.ts";

export interface ServiceAppOptions extends InvokeOptions {
  /** Which requests get a line; by default every one. */
  requestLog?: RequestLogOptions;
}

/** A product or inventory service as an HTTP app: buildable in a test, listened to elsewhere. */
export async function buildServiceApp(
  routes: readonly AnyRoute<ServiceDeps>[],
  deps: ServiceDeps,
  logger: Logger,
  options: ServiceAppOptions = {},
): Promise<FastifyInstance> {
  const app = createHttpServer({ logger, requestLog: options.requestLog });
  // JSON only: a text body would otherwise reach validation and read as a 422, not the 415 it is.
  app.removeContentTypeParser("text/plain");
  // The ALB routes browsers' /api/products/{id} calls here, not through the gateway.
  await app.register(cors, corsPolicy);
  await app.register(routeTablePlugin(routes, deps, { apiKeys: options.apiKeys }));
  return app;
}
