import { mkdir } from "node:fs/promises";
import type { Database } from "@stockwiz/core";
import { Kysely } from "kysely";

/** PGlite: PostgreSQL compiled to WASM, data on local disk. Loaded only when asked for. */
export async function connectEmbedded(dataDir: string): Promise<Kysely<Database>> {
  const [{ PGlite }, { PGliteDialect }] = await Promise.all([
    import("@electric-sql/pglite"),
    import("kysely-pglite-dialect"),
  ]);
  if (dataDir !== "memory://") await mkdir(dataDir, { recursive: true });
  const pglite = await PGlite.create(dataDir);
  return new Kysely<Database>({ dialect: new PGliteDialect(pglite) });
}
