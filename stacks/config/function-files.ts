import { cp } from "node:fs/promises";
import path from "node:path";
import { writeRdsCaBundle } from "../constructs/rds-ca-bundle.ts";

/** Where the gateway function ships the built dashboard (STOCKWIZ_WEB_DIST). */
export const webDistInFunction = "web";

/** What a function reads beside its bundle at run time. */
export interface FunctionFiles {
  /** Folders copied from the repository (`from`, relative to its root) into the function's. */
  readonly copies: readonly { readonly from: string; readonly to: string }[];
  /** certs/rds-ca-bundle.pem, AWS's RDS certificate authorities, which PGSSLROOTCERT names. */
  readonly rdsCaBundle: boolean;
}

const opensTheDatabase: FunctionFiles = { copies: [], rdsCaBundle: true };

/**
 * Each function's files, for `npm run bundle:lambda` and the deployed functions alike. The gateway
 * serves the built dashboard (STOCKWIZ_WEB_DIST) and Swagger UI's files, which it resolves through
 * node_modules; a function that opens the database verifies Aurora's certificate.
 */
export const functionFiles = {
  "api-gateway": {
    copies: [
      { from: "packages/web/dist", to: webDistInFunction },
      { from: "node_modules/swagger-ui-dist", to: "node_modules/swagger-ui-dist" },
    ],
    rdsCaBundle: false,
  },
  "product-service": opensTheDatabase,
  "inventory-service": opensTheDatabase,
  "inventory-periodic": opensTheDatabase,
  migrate: opensTheDatabase,
} as const satisfies Record<string, FunctionFiles>;

/**
 * Writes a function's files into its folder; the dashboard must be built already. Source maps stay
 * out: the bundle has none, and the gateway refuses to serve Swagger UI's.
 */
export async function writeFunctionFiles(
  folder: string,
  files: FunctionFiles,
  rootDir: string,
): Promise<void> {
  for (const { from, to } of files.copies) {
    await cp(path.join(rootDir, from), path.join(folder, to), {
      recursive: true,
      filter: (source) => !source.endsWith(".map"),
    });
  }
  if (files.rdsCaBundle) await writeRdsCaBundle(folder);
}
