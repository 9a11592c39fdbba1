import { mkdir } from "node:fs/promises";
import path from "node:path";
import type { Database } from "@stockwiz/core";
import {
  type Driver,
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
} from "kysely";
import { sharedEmbeddedDriver } from "./embedded-database-registry.ts";

/** PGlite: PostgreSQL compiled to WASM, data on local disk. Loaded only when asked for. */
async function openDriver(dataDir: string): Promise<Driver> {
  const [{ PGlite }, { PGliteDialect }] = await Promise.all([
    import("@electric-sql/pglite"),
    import("kysely-pglite-dialect"),
  ]);
  if (dataDir !== "memory://") await mkdir(dataDir, { recursive: true });
  return new PGliteDialect(await PGlite.create(dataDir)).createDriver();
}

/** Embedded PostgreSQL; a folder already open in this process is shared, memory:// never is. */
export async function connectEmbedded(dataDir: string): Promise<Kysely<Database>> {
  const folder = dataDir === "memory://" ? undefined : path.resolve(dataDir);
  const driver =
    folder === undefined
      ? await openDriver(dataDir)
      : await sharedEmbeddedDriver(folder, () => openDriver(folder));
  return new Kysely<Database>({
    dialect: {
      createAdapter: () => new PostgresAdapter(),
      createDriver: () => driver,
      createQueryCompiler: () => new PostgresQueryCompiler(),
      createIntrospector: (db) => new PostgresIntrospector(db),
    },
  });
}
