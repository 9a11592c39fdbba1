import type { Db } from "../db/database.ts";

export interface StoredResponse {
  requestHash: string;
  status: number;
  body: string | null;
}

/**
 * Claims the key for this transaction. A concurrent claim of the same key waits on the primary
 * key until this transaction ends, then finds the stored response: nothing runs twice.
 */
export async function claimKey(
  db: Db,
  claim: { scope: string; key: string; requestHash: string; now: Date },
): Promise<boolean> {
  const claimed = await db
    .insertInto("idempotency_keys")
    .values({
      scope: claim.scope,
      key: claim.key,
      request_hash: claim.requestHash,
      status: 0,
      body: null,
      created_at: claim.now,
    })
    .onConflict((conflict) => conflict.columns(["scope", "key"]).doNothing())
    .returning("key")
    .executeTakeFirst();
  return claimed !== undefined;
}

export async function selectStoredResponse(
  db: Db,
  scope: string,
  key: string,
): Promise<StoredResponse | undefined> {
  const row = await db
    .selectFrom("idempotency_keys")
    .select(["request_hash", "status", "body"])
    .where("scope", "=", scope)
    .where("key", "=", key)
    .executeTakeFirst();
  return row && { requestHash: row.request_hash, status: row.status, body: row.body };
}

export async function storeResponse(
  db: Db,
  scope: string,
  key: string,
  response: { status: number; body: string | null },
): Promise<void> {
  await db
    .updateTable("idempotency_keys")
    .set({ status: response.status, body: response.body })
    .where("scope", "=", scope)
    .where("key", "=", key)
    .execute();
}

/** Keys older than the cut-off are forgotten: the same key then starts afresh. */
export async function deleteExpiredKeys(
  db: Db,
  cutoff: Date,
  only?: { scope: string; key: string },
) {
  let query = db.deleteFrom("idempotency_keys").where("created_at", "<", cutoff);
  if (only) query = query.where("scope", "=", only.scope).where("key", "=", only.key);
  await query.execute();
}
