/**
 * `npm run lint:openapi`: writes the document the gateway serves at /openapi.json (built the
 * way the gateway builds it, no server started) to a temporary file, and lints it with
 * Redocly's `recommended` rules. Exits with Redocly's status: errors fail, warnings are shown.
 */
import { spawnSync } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { stockwizApiDocumentText } from "@stockwiz/api-gateway";

const redoclyCli = createRequire(import.meta.url).resolve("@redocly/cli/bin/cli.js");

const folder = await mkdtemp(path.join(tmpdir(), "stockwiz-openapi-"));
try {
  const file = path.join(folder, "openapi.json");
  await writeFile(file, stockwizApiDocumentText());
  const lint = spawnSync(
    process.execPath,
    [redoclyCli, "lint", "--extends", "recommended", "--format", "stylish", file],
    { stdio: "inherit" },
  );
  process.exitCode = lint.status ?? 1;
} finally {
  await rm(folder, { recursive: true, force: true });
}
