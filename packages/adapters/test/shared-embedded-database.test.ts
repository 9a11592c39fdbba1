import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createLogger, openStores, parseEnv, storeEnvSchema } from "@stockwiz/adapters";
import { sql } from "kysely";
import { describe, expect, it } from "vitest";

// PGlite owns its data folder: openers of one folder in one process (the local ALB's three
// bundled functions) must share one database, and it must outlive all but the last of them.

const logger = createLogger({ level: "silent", name: "test" });
const open = (dataDir: string) =>
  openStores(parseEnv(storeEnvSchema, { STOCKWIZ_DATA_DIR: dataDir }), logger);

describe("an embedded data folder opened twice in one process", () => {
  it("when one opener writes then the other reads it, and it stays open until both have closed", async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "stockwiz-shared-"));
    const first = await open(dataDir);
    const second = await open(dataDir);

    await first.deps.db.insertInto("products").values({ name: "shared", price: 1 }).execute();
    await first.close();

    const seen = await second.deps.db
      .selectFrom("products")
      .select("name")
      .where("name", "=", "shared")
      .execute();
    expect(seen).toEqual([{ name: "shared" }]);
    await second.close();
  });

  it("when both openers run transactions at once then neither sees the other's uncommitted rows", async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "stockwiz-shared-"));
    const [first, second] = await Promise.all([open(dataDir), open(dataDir)]);

    const counts = await Promise.all(
      [first, second].map((stores, index) =>
        stores.deps.db.transaction().execute(async (trx) => {
          await trx
            .insertInto("products")
            .values({ name: `tx ${index}`, price: 1 })
            .execute();
          const { rows } = await sql<{
            n: number;
          }>`select count(*)::int as n from products where name like 'tx %'`.execute(trx);
          return rows[0]?.n;
        }),
      ),
    );

    // One connection queue: the second transaction starts after the first committed.
    expect(counts).toEqual([1, 2]);
    await Promise.all([first.close(), second.close()]);
  });

  it("when the last opener has closed then the folder opens again", async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "stockwiz-shared-"));
    await (await open(dataDir)).close();

    const reopened = await open(dataDir);

    const rows = await reopened.deps.db.selectFrom("products").select("id").execute();
    expect(rows.length).toBeGreaterThanOrEqual(5);
    await reopened.close();
  });
});
