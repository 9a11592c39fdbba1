import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import Fastify, { type FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serveDashboard } from "../server/index.ts";

describe("serveDashboard", () => {
  let app: FastifyInstance;

  beforeAll(async () => {
    app = Fastify();
    await app.register(serveDashboard);
  });

  afterAll(() => app.close());

  it("when / is asked, then answers the page, to be revalidated on every visit, under a strict CSP", async () => {
    const response = await app.inject({ method: "GET", url: "/" });

    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toMatch(/^text\/html/);
    expect(response.headers["cache-control"]).toBe("no-cache");
    expect(response.headers["content-security-policy"]).toContain("default-src 'self'");
    expect(response.body).toContain('<div id="app"></div>');
  });

  it("when a hashed asset the page names is asked, then answers it as cacheable for good", async () => {
    const page = await app.inject({ method: "GET", url: "/" });
    const script = page.body.match(/src="(\/static\/assets\/[^"]+\.js)"/)?.[1] ?? "missing";

    const response = await app.inject({ method: "GET", url: script });

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

describe("serveDashboard with a shipped distDir", () => {
  let shippedDir: string;
  let app: FastifyInstance;

  beforeAll(async () => {
    // Stands for the copy a container image ships: a page that no build would write.
    shippedDir = await mkdtemp(path.join(tmpdir(), "stockwiz-shipped-web-"));
    await mkdir(path.join(shippedDir, "assets"));
    await writeFile(path.join(shippedDir, "index.html"), "<p>shipped page</p>");
    await writeFile(path.join(shippedDir, "assets", "index-abc123.js"), "export {};");
    app = Fastify();
    await app.register(serveDashboard, { distDir: shippedDir });
  });

  afterAll(async () => {
    await app.close();
    await rm(shippedDir, { recursive: true, force: true });
  });

  it("when / is asked, then answers the shipped page as it is, without building", async () => {
    const response = await app.inject({ method: "GET", url: "/" });

    expect(response.statusCode).toBe(200);
    expect(response.body).toBe("<p>shipped page</p>");
  });

  it("when a shipped asset is asked, then answers it as cacheable for good", async () => {
    const response = await app.inject({ method: "GET", url: "/static/assets/index-abc123.js" });

    expect(response.statusCode).toBe(200);
    expect(response.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
  });
});
