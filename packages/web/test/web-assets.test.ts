import { mkdtemp, readFile, rm, stat, utimes } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureWebBuild, ensureWebBuildIn, webDistDir } from "../server/index.ts";

describe("ensureWebBuild", () => {
  it("when called, then webDistDir holds an index.html that loads its hashed assets from /static/", async () => {
    await ensureWebBuild();

    const html = await readFile(path.join(webDistDir, "index.html"), "utf8");
    const script = html.match(/src="\/static\/(assets\/index-[\w-]+\.js)"/)?.[1];
    expect(script).toBeDefined();
    await expect(stat(path.join(webDistDir, script ?? "missing"))).resolves.toBeTruthy();
  });
});

// A folder of its own: forcing a rebuild of webDistDir could swap it under a running test stack.
describe("ensureWebBuildIn", () => {
  let scratchDir: string;
  let distDir: string;
  let indexHtml: string;

  beforeAll(async () => {
    scratchDir = await mkdtemp(path.join(tmpdir(), "stockwiz-web-build-"));
    distDir = path.join(scratchDir, "dist");
    indexHtml = path.join(distDir, "index.html");
  });

  afterAll(() => rm(scratchDir, { recursive: true, force: true }));

  it("when the folder is missing, then builds the page into it", async () => {
    await ensureWebBuildIn(distDir);

    await expect(readFile(indexHtml, "utf8")).resolves.toContain("/static/assets/");
  });

  it("when the build is up to date, then leaves it as it is", async () => {
    await ensureWebBuildIn(distDir);
    const builtAt = (await stat(indexHtml)).mtimeMs;

    await ensureWebBuildIn(distDir);

    expect((await stat(indexHtml)).mtimeMs).toBe(builtAt);
  });

  it("when the build is older than the sources, then rebuilds it", async () => {
    await ensureWebBuildIn(distDir);
    // Ageing the build is, for the check, the same as touching a source file.
    await utimes(indexHtml, new Date(0), new Date(0));

    await ensureWebBuildIn(distDir);

    expect((await stat(indexHtml)).mtimeMs).toBeGreaterThan(0);
  });

  it("when two builds are asked at once, then they share one", async () => {
    const first = ensureWebBuildIn(distDir);

    expect(ensureWebBuildIn(distDir)).toBe(first);
    await first;
  });
});
