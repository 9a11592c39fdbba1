/**
 * Bundles each service into one ESM file, what its container image runs, and each service's
 * Lambda entry point into the folder its function's code is made of:
 *
 *   npm run bundle                       # all: dist/<service>/index.mjs and dist/lambda/<service>/
 *   npm run bundle -- product-service    # one service's container bundle
 *   npm run bundle -- --lambda [service] # Lambda folders only (npm run bundle:lambda)
 *
 * The embedded database (PGlite) is imported only when no DATABASE_URL/DB_*
 * is set, which never happens in a container: it stays out of the bundle.
 *
 * Each run also writes dist/certs/rds-ca-bundle.pem, the CA bundle the images
 * verify RDS against (PGSSLROOTCERT).
 */
import { randomUUID } from "node:crypto";
import { rename, rm } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { functionBundleFile, functionEsbuildOptions } from "../stacks/config/function-bundle.ts";
import { functionFiles, writeFunctionFiles } from "../stacks/config/function-files.ts";
import { writeRdsCaBundle } from "../stacks/constructs/rds-ca-bundle.ts";

export const serviceNames = ["api-gateway", "product-service", "inventory-service"] as const;
export type ServiceName = (typeof serviceNames)[number];

const repositoryRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/**
 * Bundles one entry point into one ESM file for plain node, as the images run it: the Lambda
 * functions' options, unminified, for readable stack traces.
 */
export async function bundleEntry(entryPoint: string, outfile: string): Promise<string> {
  await build({
    ...functionEsbuildOptions(repositoryRoot),
    entryPoints: [entryPoint],
    outfile,
    minify: false,
    keepNames: false,
    logLevel: "warning",
  });
  return outfile;
}

/**
 * Writes `<outDir>/<service>/index.mjs` for each service, then `<outDir>/certs/rds-ca-bundle.pem`;
 * returns the files written, in that order.
 */
export async function bundleServices(
  services: readonly ServiceName[] = serviceNames,
  outDir = path.join(repositoryRoot, "dist"),
): Promise<string[]> {
  const outputs: string[] = [];
  for (const service of services) {
    outputs.push(
      await bundleEntry(
        path.join(repositoryRoot, "packages", service, "src", "server.ts"),
        path.join(outDir, service, "index.mjs"),
      ),
    );
  }
  outputs.push(await writeRdsCaBundle(outDir));
  return outputs;
}

/** Bundles a Lambda entry point with the functions' options, untouched: as SST deploys it. */
async function bundleFunction(entryPoint: string, outfile: string): Promise<void> {
  await build({
    ...functionEsbuildOptions(repositoryRoot),
    entryPoints: [entryPoint],
    outfile,
    logLevel: "warning",
  });
}

/**
 * Writes `<outDir>/lambda/<service>/` for each service, the folder its deployed function is made
 * of (tests/infra/sst-cli-build.test.ts compares them): `index.mjs` (ESM, exports `handler`,
 * minified) and its run-time files (functionFiles). Each folder is built aside and swapped in with
 * two renames, so a process loading it never sees half of one. Returns the bundles written.
 */
export async function bundleLambdas(
  services: readonly ServiceName[] = serviceNames,
  outDir = path.join(repositoryRoot, "dist"),
): Promise<string[]> {
  const bundles: string[] = [];
  for (const service of services) {
    const folder = path.join(outDir, "lambda", service);
    const staging = `${folder}.build-${randomUUID()}`;
    const retired = `${folder}.old-${randomUUID()}`;
    try {
      await bundleFunction(
        path.join(repositoryRoot, "packages", service, "src", "lambda.ts"),
        path.join(staging, functionBundleFile),
      );
      if (service === "api-gateway") {
        // Loaded here only: the container bundles above need neither the dashboard nor Vite.
        const { ensureWebBuild } = await import("@stockwiz/web");
        await ensureWebBuild();
      }
      await writeFunctionFiles(staging, functionFiles[service], repositoryRoot);
      await rename(folder, retired).catch(ignoreMissing);
      await rename(staging, folder);
    } finally {
      await rm(staging, { recursive: true, force: true });
      await rm(retired, { recursive: true, force: true });
    }
    bundles.push(path.join(folder, functionBundleFile));
  }
  return bundles;
}

function ignoreMissing(error: NodeJS.ErrnoException): void {
  if (error.code !== "ENOENT") throw error;
}

function parseServices(args: readonly string[]): ServiceName[] {
  const unknown = args.filter((arg) => !(serviceNames as readonly string[]).includes(arg));
  if (unknown.length > 0) throw new Error(`Unknown service(s): ${unknown.join(", ")}`);
  return args.length > 0 ? (args as ServiceName[]) : [...serviceNames];
}

async function bundleFromArgs(args: readonly string[]): Promise<string[]> {
  if (args[0] === "--lambda") return bundleLambdas(parseServices(args.slice(1)));
  if (args.length > 0) return bundleServices(parseServices(args));
  return [...(await bundleServices()), ...(await bundleLambdas())];
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  for (const file of await bundleFromArgs(process.argv.slice(2))) {
    console.log(path.relative(process.cwd(), file));
  }
}
