import type { BuildOptions } from "esbuild";

/** The file of a function's folder that Lambda loads, and the handler it names. */
export const functionBundleFile = "index.mjs";
export const functionHandler = "index.handler";

/** Loaded by dynamic import in embedded mode only; pg-native is pg's optional native driver. */
const external = ["@electric-sql/pglite", "kysely-pglite-dialect", "pg-native"];

// CommonJS dependencies inside an ESM bundle still call require(): give them one.
const requireBanner = [
  'import { createRequire as __stockwizCreateRequire } from "node:module";',
  "const require = __stockwizCreateRequire(import.meta.url);",
].join("\n");

/**
 * How every StockWiz Lambda function is bundled, entry point aside: one ESM file for Node.js 24,
 * minified (what a cold start loads and parses) with names kept for traces. Both builds take these
 * options whole: `npm run bundle:lambda` (what the local ALB, the tests and the bench run) and SST
 * when it builds a StockwizFunction for a deploy (they override every option of SST's own), with
 * the same esbuild (package.json pins SST's to the root's), so the two write the same bytes.
 *
 * Every option that shapes the output is stated, SST's defaults differ from esbuild's: SST prefers
 * `module` over `main` and writes its own banner. Paths esbuild writes are relative to rootDir.
 */
export function functionEsbuildOptions(rootDir: string) {
  return {
    absWorkingDir: rootDir,
    bundle: true,
    platform: "node",
    target: "node24",
    format: "esm",
    // esbuild's order for platform node, which the bundles were measured with.
    mainFields: ["main", "module"],
    banner: { js: requireBanner },
    external,
    legalComments: "none",
    minify: true,
    keepNames: true,
  } satisfies BuildOptions;
}
