import { existsSync } from "node:fs";
import path from "node:path";
import fastifyStatic from "@fastify/static";
import { AppError } from "@stockwiz/core";
import type { FastifyInstance } from "fastify";

export interface DashboardPagesOptions {
  /** A built dashboard (`npm run build:web`): `index.html` and its hashed `assets/`. */
  distDir: string;
}

// Vite puts a content hash in every file name under assets/: such a file never changes.
const hashedAssetCache = "public, max-age=31536000, immutable";
// index.html names the current hashes, so browsers must check it on every visit.
const pageCache = "no-cache";
// The page loads only its own files and calls only its own origin. No
// upgrade-insecure-requests: the load balancer may serve plain HTTP.
const contentSecurityPolicy =
  "default-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/**
 * The dashboard at `/`, its files under `/static/`, served from a folder built beforehand: the
 * gateway never builds it. Without a build the API still answers and `/` says what to run.
 */
export async function dashboardPages(
  app: FastifyInstance,
  { distDir }: DashboardPagesOptions,
): Promise<void> {
  if (!existsSync(path.join(distDir, "index.html"))) {
    const detail = `The dashboard is not built in ${distDir}: run npm run build:web, then restart`;
    app.log.warn(detail);
    app.get("/", async () => {
      throw new AppError("unavailable", detail);
    });
    return;
  }
  await app.register(fastifyStatic, {
    root: distDir,
    prefix: "/static/",
    index: false,
    cacheControl: false,
    setHeaders: (reply, filePath) => {
      const hashed = path.relative(distDir, filePath).startsWith(`assets${path.sep}`);
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
