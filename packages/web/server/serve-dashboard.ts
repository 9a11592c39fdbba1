import path from "node:path";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance } from "fastify";
import { ensureWebBuild, webDistDir } from "./web-assets.ts";

export interface ServeDashboardOptions {
  /**
   * A folder holding an already built page, served as it is. A container
   * image, whose bundled gateway has no sources to build from, passes the
   * copy it ships. Default: `webDistDir`, built first when missing or stale.
   */
  distDir?: string;
}

// Vite puts a content hash in every file name under assets/: such a file never changes.
const hashedAssetCache = "public, max-age=31536000, immutable";
// index.html names the current hashes, so browsers must check it on every visit.
const pageCache = "no-cache";
// The page loads only its own files and calls only its own origin. No
// upgrade-insecure-requests: the load balancer may serve plain HTTP.
const contentSecurityPolicy =
  "default-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/** Fastify plugin for the gateway: the dashboard at `/`, its assets under `/static/`. */
export async function serveDashboard(
  app: FastifyInstance,
  options: ServeDashboardOptions = {},
): Promise<void> {
  const root = options.distDir ?? webDistDir;
  if (options.distDir === undefined) await ensureWebBuild();
  await app.register(fastifyStatic, {
    root,
    prefix: "/static/",
    index: false,
    cacheControl: false,
    setHeaders: (reply, filePath) => {
      const hashed = path.relative(root, filePath).startsWith(`assets${path.sep}`);
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
