import { createRequire } from "node:module";
import path from "node:path";
import fastifyStatic from "@fastify/static";
import {
  type DocumentedRoute,
  inventoryServiceRoutes,
  mergedProductSchema,
  openApiDocument,
  productServiceRoutes,
} from "@stockwiz/core";
import type { FastifyInstance } from "fastify";
import * as z from "zod";

const downstreamState = z.enum(["healthy", "unhealthy"]);

/** Routes only the gateway answers; everything else is the services' route tables. */
export const gatewayRoutes: DocumentedRoute[] = [
  {
    method: "GET",
    path: "/health",
    summary: "Gateway health with the state of both services (always 200)",
    tag: "health",
    response: {
      status: 200,
      description: "Up; `degraded` when a downstream service is unhealthy",
      schema: z.object({
        status: z.enum(["healthy", "degraded"]),
        service: z.literal("api-gateway"),
        downstream_services: z.object({
          product_service: downstreamState,
          inventory_service: downstreamState,
        }),
      }),
    },
  },
  {
    method: "GET",
    path: "/api/products-full",
    summary: "Every product with its stock, from two upstream calls whatever the catalogue size",
    tag: "products",
    query: z.object({ force_refresh: z.enum(["true", "false"]).optional() }),
    response: {
      status: 200,
      description: "Merged products, ordered by id",
      schema: z.array(mergedProductSchema),
    },
  },
];

export const stockwizApiDocument = () =>
  openApiDocument([...gatewayRoutes, ...productServiceRoutes, ...inventoryServiceRoutes], {
    title: "StockWiz API",
    version: "1.0.0",
    description:
      "Product catalogue and stock. Every path answers the same through the gateway and through the service the load balancer routes it to. Errors are RFC 9457 problem details.",
  });

// Swagger UI's own files, from npm: the reference works offline and calls only this origin.
const swaggerUiDir = path.dirname(
  createRequire(import.meta.url).resolve("swagger-ui-dist/package.json"),
);

const swaggerInitializer = `window.onload = () => {
  window.ui = SwaggerUIBundle({ url: "/openapi.json", dom_id: "#swagger-ui", deepLinking: true });
};
`;

/** `/openapi.json` and a readable reference at `/docs/`. */
export async function apiReference(app: FastifyInstance): Promise<void> {
  const document = stockwizApiDocument();
  app.get("/openapi.json", async () => document);
  app.get("/docs/swagger-initializer.js", async (_request, reply) =>
    reply.type("text/javascript").send(swaggerInitializer),
  );
  app.get("/docs", async (_request, reply) => reply.redirect("/docs/index.html"));
  await app.register(fastifyStatic, {
    root: swaggerUiDir,
    prefix: "/docs/",
    decorateReply: false,
    index: false,
    allowedPath: (pathName) => !pathName.endsWith(".map"),
  });
}
