import { createRequire } from "node:module";
import path from "node:path";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance } from "fastify";

// Swagger UI's own files, from npm: the reference works offline and calls only this origin.
const swaggerUiDir = path.dirname(
  createRequire(import.meta.url).resolve("swagger-ui-dist/package.json"),
);

const swaggerInitializer = `window.onload = () => {
  window.ui = SwaggerUIBundle({ url: "/openapi.json", dom_id: "#swagger-ui", deepLinking: true });
};
`;

/** A readable reference at `/docs/`, reading the description the gateway serves. */
export async function swaggerUi(app: FastifyInstance): Promise<void> {
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
