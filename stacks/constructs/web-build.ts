import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

/**
 * Builds the dashboard into packages/web/dist when it is missing or stale (packages/web's own
 * ensureWebBuild), in a child process: inside the SST CLI the stacks run from a bundle at the
 * repository root, where Vite, a dependency of packages/web, does not resolve.
 */
export async function ensureWebBuildOf(rootDir: string): Promise<void> {
  const webAssets = path.join(rootDir, "packages/web/server/web-assets.ts");
  await run(
    process.execPath,
    [
      "--import",
      "tsx",
      "--input-type=module",
      "-e",
      `await (await import(${JSON.stringify(webAssets)})).ensureWebBuild();`,
    ],
    { cwd: rootDir },
  );
}
