/**
 * Bundles each service into one ESM file, what its container image runs, and each service's
 * Lambda entry point into the folder its function's code is made of:
 *
 *   npm run bundle                       # all: dist/<service>/index.mjs and dist/lambda/<service>/
 *   npm run bundle -- product-service    # one service's container bundle
 *   npm run bundle -- --lambda [name]    # Lambda folders only (npm run bundle:lambda)
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

/**
 * Each Lambda function's folder and entry point: the ALB's three targets, and the serverless
 * stages' scheduled function that runs the inventory service's periodic tasks.
 */
const lambdaEntries = {
  "api-gateway": "packages/api-gateway/src/lambda.ts",
  "product-service": "packages/product-service/src/lambda.ts",
  "inventory-service": "packages/inventory-service/src/lambda.ts",
  "inventory-periodic": "packages/inventory-service/src/periodic.ts",
} as const satisfies Record<ServiceName, string> & Record<string, string>;
export type LambdaName = keyof typeof lambdaEntries;
export const lambdaNames = Object.keys(lambdaEntries) as LambdaName[];

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
 * Writes `<outDir>/lambda/<name>/` for each function, the folder the deployed function is made
 * of (tests/infra/sst-cli-build.test.ts compares them): `index.mjs` (ESM, exports `handler`,
 * minified) and its run-time files (functionFiles). Each folder is built aside and swapped in with
 * two renames, so a process loading it never sees half of one. Returns the bundles written.
 */
export async function bundleLambdas(
  functions: readonly LambdaName[] = lambdaNames,
  outDir = path.join(repositoryRoot, "dist"),
): Promise<string[]> {
  const bundles: string[] = [];
  for (const name of functions) {
    const folder = path.join(outDir, "lambda", name);
    const staging = `${folder}.build-${randomUUID()}`;
    const retired = `${folder}.old-${randomUUID()}`;
    try {
      await bundleFunction(
        path.join(repositoryRoot, lambdaEntries[name]),
        path.join(staging, functionBundleFile),
      );
      if (name === "api-gateway") {
        // Loaded here only: the container bundles above need neither the dashboard nor Vite.
        const { ensureWebBuild } = await import("@stockwiz/web");
        await ensureWebBuild();
      }
      await writeFunctionFiles(staging, functionFiles[name], repositoryRoot);
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

function parseNames<Name extends string>(args: readonly string[], names: readonly Name[]): Name[] {
  const unknown = args.filter((arg) => !(names as readonly string[]).includes(arg));
  if (unknown.length > 0) throw new Error(`Unknown name(s): ${unknown.join(", ")}`);
  return args.length > 0 ? (args as Name[]) : [...names];
}

async function bundleFromArgs(args: readonly string[]): Promise<string[]> {
  if (args[0] === "--lambda") return bundleLambdas(parseNames(args.slice(1), lambdaNames));
  if (args.length > 0) return bundleServices(parseNames(args, serviceNames));
  return [...(await bundleServices()), ...(await bundleLambdas())];
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  for (const file of await bundleFromArgs(process.argv.slice(2))) {
    console.log(path.relative(process.cwd(), file));
  }
}
