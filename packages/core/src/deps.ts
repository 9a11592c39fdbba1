import type { Kysely } from "kysely";
import type { Cache } from "./cache/cache.ts";
import type { Database } from "./db/database.ts";

/** Everything a handler may touch, passed in so tests and adapters choose the real parts. */
export interface ServiceDeps {
  db: Kysely<Database>;
  cache: Cache;
  clock: () => Date;
}
