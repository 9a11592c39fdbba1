import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { createHttpServer, createLogger } from "@stockwiz/adapters";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dashboardPages } from "../src/routes/dashboard-pages.ts";

const logger = createLogger({ level: "silent", name: "test" });
const hashedScript = "/static/assets/index-abc123.js";

describe("dashboardPages with a built folder", () => {
  let builtDir: string;
  let app: FastifyInstance;

  beforeAll(async () => {
    // Stands for what `npm run build:web` writes: a page naming its hashed assets.
    builtDir = await mkdtemp(path.join(tmpdir(), "stockwiz-built-web-"));
    await mkdir(path.join(builtDir, "assets"));
    await writeFile(
      path.join(builtDir, "index.html"),
      `<!doctype html><div id="app"></div><script type="module" src="${hashedScript}"></script>`,
    );
    await writeFile(path.join(builtDir, "assets", "index-abc123.js"), "export {};");
    app = createHttpServer({ logger });
    await app.register(dashboardPages, { distDir: builtDir });
  });

  afterAll(async () => {
    await app.close();
    await rm(builtDir, { recursive: true, force: true });
  });

  it("when / is asked, then answers the page, to be revalidated on every visit, under a strict CSP", async () => {
    const response = await app.inject({ method: "GET", url: "/" });

    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toMatch(/^text\/html/);
    expect(response.headers["cache-control"]).toBe("no-cache");
    expect(response.headers["content-security-policy"]).toContain("default-src 'self'");
    expect(response.body).toContain('<div id="app"></div>');
  });

  it("when a hashed asset the page names is asked, then answers it as cacheable for good", async () => {
    const response = await app.inject({ method: "GET", url: hashedScript });

    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toMatch(/javascript/);
    expect(response.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
  });

  it("when index.html is asked under /static/, then it must be revalidated too", async () => {
    const response = await app.inject({ method: "GET", url: "/static/index.html" });

    expect(response.headers["cache-control"]).toBe("no-cache");
  });

  it("when an unknown asset is asked, then answers 404", async () => {
    const response = await app.inject({ method: "GET", url: "/static/assets/missing.js" });

    expect(response.statusCode).toBe(404);
  });
});

describe("dashboardPages without a build", () => {
  let emptyDir: string;
  let app: FastifyInstance;

  beforeAll(async () => {
    emptyDir = await mkdtemp(path.join(tmpdir(), "stockwiz-unbuilt-web-"));
    app = createHttpServer({ logger });
    await app.register(dashboardPages, { distDir: emptyDir });
  });

  afterAll(async () => {
    await app.close();
    await rm(emptyDir, { recursive: true, force: true });
  });

  it("when / is asked, then a 503 problem says which command builds the page", async () => {
    const response = await app.inject({ method: "GET", url: "/" });

    expect(response.statusCode).toBe(503);
    expect(response.headers["content-type"]).toContain("application/problem+json");
    expect(response.json().detail).toContain("npm run build:web");
  });
});
