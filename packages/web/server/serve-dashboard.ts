import path from "node:path";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance } from "fastify";
import { ensureWebBuild, webDistDir } from "./web-assets.ts";

// Vite puts a content hash in every file name under assets/: such a file never changes.
const hashedAssetCache = "public, max-age=31536000, immutable";
// index.html names the current hashes, so browsers must check it on every visit.
const pageCache = "no-cache";
// The page loads only its own files and calls only its own origin.
const contentSecurityPolicy =
  "default-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/**
 * Fastify plugin for the gateway: the dashboard at `/`, its assets under
 * `/static/`. Builds the page first when it is missing or stale.
 */
export async function serveDashboard(app: FastifyInstance): Promise<void> {
  await ensureWebBuild();
  await app.register(fastifyStatic, {
    root: webDistDir,
    prefix: "/static/",
    index: false,
    cacheControl: false,
    setHeaders: (reply, filePath) => {
      const hashed = path.relative(webDistDir, filePath).startsWith(`assets${path.sep}`);
      reply.header("Cache-Control", hashed ? hashedAssetCache : pageCache);
    },
  });
  app.get("/", (_request, reply) =>
    reply
      .header("Cache-Control", pageCache)
      .header("Content-Security-Policy", contentSecurityPolicy)
      .sendFile("index.html"),
  );
}
