import { stat } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { AlbHandler } from "@stockwiz/adapters";
import { newestModifiedTime } from "./newest-source-time.ts";

export type FunctionName = "api-gateway" | "product-service" | "inventory-service";
export const functionNames: readonly FunctionName[] = [
  "api-gateway",
  "product-service",
  "inventory-service",
];

const repositoryRoot = fileURLToPath(new URL("../../../", import.meta.url));

/** Where `npm run bundle:lambda` writes the functions' folders. */
export const defaultArtefactsDir = path.join(repositoryRoot, "dist", "lambda");

// Everything a bundle is made from: the workspace's sources, the dashboard, the lock file.
const bundleInputs = [
  ...["core", "adapters", "api-gateway", "product-service", "inventory-service"].map((name) =>
    path.join(repositoryRoot, "packages", name, "src"),
  ),
  path.join(repositoryRoot, "packages", "web", "src"),
  path.join(repositoryRoot, "packages", "web", "server"),
  path.join(repositoryRoot, "packages", "web", "index.html"),
  path.join(repositoryRoot, "scripts", "bundle-services.ts"),
  // The functions' esbuild options and the files beside each bundle, shared with the stacks.
  path.join(repositoryRoot, "stacks", "config", "function-bundle.ts"),
  path.join(repositoryRoot, "stacks", "config", "function-files.ts"),
  path.join(repositoryRoot, "stacks", "constructs", "rds-ca-bundle.ts"),
  path.join(repositoryRoot, "package-lock.json"),
];

export const bundleOf = (artefactsDir: string, name: FunctionName) =>
  path.join(artefactsDir, name, "index.mjs");

async function oldestBundleTime(artefactsDir: string): Promise<number | undefined> {
  const times = await Promise.all(
    functionNames.map((name) =>
      stat(bundleOf(artefactsDir, name)).then(
        (info) => info.mtimeMs,
        () => undefined,
      ),
    ),
  );
  return times.some((time) => time === undefined) ? undefined : Math.min(...(times as number[]));
}

/** Builds the Lambda folders when one is missing or older than a source, as the web build does. */
export async function ensureLambdaArtefacts(log: (line: string) => void): Promise<void> {
  const builtAt = await oldestBundleTime(defaultArtefactsDir);
  if (builtAt !== undefined && builtAt >= (await newestModifiedTime(bundleInputs))) return;
  log("building the Lambda bundles (npm run bundle:lambda)");
  // The build tools are the repository's, loaded only when a build is due.
  const { bundleLambdas } = await import("../../../scripts/bundle-services.ts");
  await bundleLambdas(functionNames, path.dirname(defaultArtefactsDir));
}

/** Loads a function's bundle as Lambda's runtime does: its module, its `handler` export. */
export async function importHandler(artefactsDir: string, name: FunctionName): Promise<AlbHandler> {
  const module = (await import(pathToFileURL(bundleOf(artefactsDir, name)).href)) as {
    handler?: unknown;
  };
  if (typeof module.handler !== "function")
    throw new Error(`${bundleOf(artefactsDir, name)} exports no handler function`);
  return module.handler as AlbHandler;
}
