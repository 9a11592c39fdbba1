import { randomUUID } from "node:crypto";
import { readdir, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { InFlight } from "@stockwiz/core";
import { webDistDir } from "./web-dist-dir.ts";

const packageDir = fileURLToPath(new URL("..", import.meta.url));

// Everything whose change must trigger a rebuild.
const buildInputs = ["index.html", "vite.config.ts", "package.json", "src"];

const pendingBuilds = new InFlight<void>();

/**
 * Builds the dashboard into `webDistDir` with Vite when it is missing or
 * older than any source file. Calls in one process share a single build.
 */
export function ensureWebBuild(): Promise<void> {
  return ensureWebBuildIn(webDistDir);
}

/** The same, into another folder: tests use it so as not to swap the folder a server is using. */
export function ensureWebBuildIn(distDir: string): Promise<void> {
  return pendingBuilds.run(distDir, () => buildIfStale(distDir));
}

async function buildIfStale(distDir: string): Promise<void> {
  const builtAt = await modifiedAt(path.join(distDir, "index.html"));
  if (builtAt !== undefined && builtAt >= (await newestInputTime())) return;
  await buildIntoPlace(distDir);
}

// Builds beside the target and swaps it in with two renames, so a server
// reading the folder, or another process building it, never sees a half-written one.
async function buildIntoPlace(distDir: string): Promise<void> {
  // Loaded when a build is due only: checking that the build is fresh needs no Vite.
  const { build } = await import("vite");
  const stagingDir = `${distDir}.build-${randomUUID()}`;
  const retiredDir = `${distDir}.old-${randomUUID()}`;
  try {
    await build({
      root: packageDir,
      configFile: path.join(packageDir, "vite.config.ts"),
      logLevel: "warn",
      build: { outDir: stagingDir, emptyOutDir: true },
    });
    await rename(distDir, retiredDir).catch(ignoreCodes("ENOENT"));
    // Another process may have swapped in its equally fresh build meanwhile.
    await rename(stagingDir, distDir).catch(ignoreCodes("ENOTEMPTY", "EEXIST"));
  } finally {
    await rm(stagingDir, { recursive: true, force: true });
    await rm(retiredDir, { recursive: true, force: true });
  }
}

function ignoreCodes(...codes: string[]) {
  return (error: NodeJS.ErrnoException) => {
    if (!error.code || !codes.includes(error.code)) throw error;
  };
}

async function newestInputTime(): Promise<number> {
  const times = await Promise.all(
    buildInputs.map((input) => newestModifiedAt(path.join(packageDir, input))),
  );
  return Math.max(0, ...times);
}

async function newestModifiedAt(target: string): Promise<number> {
  const info = await stat(target).catch(() => undefined);
  if (!info) return 0;
  if (!info.isDirectory()) return info.mtimeMs;
  const entries = await readdir(target, { recursive: true, withFileTypes: true });
  // Folder times count too: they change when a file is deleted or renamed.
  const entryTimes = await Promise.all(
    entries.map((entry) => modifiedAt(path.join(entry.parentPath, entry.name))),
  );
  return Math.max(info.mtimeMs, ...entryTimes.map((time) => time ?? 0));
}

async function modifiedAt(file: string): Promise<number | undefined> {
  const info = await stat(file).catch(() => undefined);
  return info?.mtimeMs;
}
