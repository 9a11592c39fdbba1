import { randomUUID } from "node:crypto";
import { readdir, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";

const packageDir = fileURLToPath(new URL("..", import.meta.url));

/** Absolute path of the built dashboard: `index.html` plus `assets/`. */
export const webDistDir = path.join(packageDir, "dist");

// Everything whose change must trigger a rebuild.
const buildInputs = ["index.html", "vite.config.ts", "package.json", "src"];

let pendingBuild: Promise<void> | undefined;

/**
 * Builds the dashboard with Vite when `dist` is missing or older than any
 * source file. Calls in one process share a single build.
 */
export function ensureWebBuild(): Promise<void> {
  pendingBuild ??= buildIfStale().finally(() => {
    pendingBuild = undefined;
  });
  return pendingBuild;
}

async function buildIfStale(): Promise<void> {
  const builtAt = await modifiedAt(path.join(webDistDir, "index.html"));
  if (builtAt !== undefined && builtAt >= (await newestInputTime())) return;
  await buildIntoPlace();
}

// Builds beside `dist` and swaps it in, so another process serving or
// building at the same time never sees a half-written folder for long.
async function buildIntoPlace(): Promise<void> {
  const { build } = await import("vite");
  const stagingDir = `${webDistDir}.build-${randomUUID()}`;
  try {
    await build({
      root: packageDir,
      configFile: path.join(packageDir, "vite.config.ts"),
      logLevel: "warn",
      build: { outDir: stagingDir, emptyOutDir: true },
    });
    await rm(webDistDir, { recursive: true, force: true });
    await rename(stagingDir, webDistDir).catch((error: NodeJS.ErrnoException) => {
      // Another process swapped in its equally fresh build first.
      if (error.code !== "ENOTEMPTY" && error.code !== "EEXIST") throw error;
    });
  } finally {
    await rm(stagingDir, { recursive: true, force: true });
  }
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
