import { readFile, stat, utimes } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ensureWebBuild, webDistDir } from "../server/index.ts";

const indexHtml = path.join(webDistDir, "index.html");

describe("ensureWebBuild", () => {
  it("when called, then dist holds an index.html that loads its hashed assets from /static/", async () => {
    await ensureWebBuild();

    const html = await readFile(indexHtml, "utf8");
    const script = html.match(/src="(\/static\/assets\/index-[\w-]+\.js)"/)?.[1];
    expect(script).toBeDefined();
    await expect(
      stat(path.join(webDistDir, script?.replace("/static/", "") ?? "")),
    ).resolves.toBeTruthy();
  });

  it("when dist is up to date, then it is left as it is", async () => {
    await ensureWebBuild();
    const builtAt = (await stat(indexHtml)).mtimeMs;

    await ensureWebBuild();

    expect((await stat(indexHtml)).mtimeMs).toBe(builtAt);
  });

  it("when dist is older than the sources, then it is rebuilt", async () => {
    await ensureWebBuild();
    // Ageing the build is the same, for the check, as touching a source file.
    await utimes(indexHtml, new Date(0), new Date(0));

    await ensureWebBuild();

    expect((await stat(indexHtml)).mtimeMs).toBeGreaterThan(0);
  });
});
