import { createHash } from "node:crypto";
import { sql } from "kysely";
import { withTransaction } from "../db/with-transaction.ts";
import type { ServiceDeps } from "../deps.ts";
import { AppError, badRequest } from "../errors/app-error.ts";
import { problemContentType, problemOfAppError } from "../errors/problem-details.ts";
import type { RequestHeader, RouteRequest, RouteResponse } from "../routing/route.ts";
import {
  claimKey,
  deleteExpiredKeys,
  selectStoredResponse,
  storeResponse,
} from "./idempotency-queries.ts";

export const idempotencyKeyTtlMs = 24 * 60 * 60 * 1000;

export const idempotencyKeyHeader: RequestHeader = {
  name: "Idempotency-Key",
  description: "Retries with the same key and body replay the first answer; kept 24 hours",
  failures: [
    { status: 400, description: "Idempotency-Key is not 1 to 255 visible ASCII characters" },
    {
      status: 409,
      description: "The first request with this Idempotency-Key was just undone: retry",
    },
    { status: 422, description: "Idempotency-Key was used with a different request" },
  ],
};
const acceptableKey = /^[\x21-\x7e]{1,255}$/;

type Handle<P, Q, B> = (
  request: RouteRequest<P, Q, B>,
  deps: ServiceDeps,
) => Promise<RouteResponse>;

const requestHash = (request: RouteRequest<unknown, unknown, unknown>) =>
  createHash("sha256")
    .update(JSON.stringify({ params: request.params, body: request.body }))
    .digest("hex");

const replay = (status: number, body: string | null): RouteResponse => ({
  status,
  body: body === null ? undefined : JSON.parse(body),
  headers: {
    "idempotent-replayed": "true",
    ...(status >= 400 ? { "content-type": problemContentType } : {}),
  },
});

/**
 * With an `Idempotency-Key` header, the first outcome of a POST (success or client error) is
 * stored with the key in the same transaction as its effects, and replayed for every retry with
 * the same body; the same key with another body is a 422. Keys expire after 24 hours.
 */
export function idempotent<P, Q, B>(scope: string, handle: Handle<P, Q, B>): Handle<P, Q, B> {
  return async (request, deps) => {
    const key = request.headers["idempotency-key"];
    if (key === undefined) return handle(request, deps);
    if (!acceptableKey.test(key)) {
      throw badRequest("Idempotency-Key must be 1 to 255 visible ASCII characters", [
        { path: "Idempotency-Key", message: "invalid" },
      ]);
    }
    const hash = requestHash(request);
    return withTransaction(deps, async (tx) => {
      const now = tx.clock();
      await deleteExpiredKeys(tx.db, new Date(now.getTime() - idempotencyKeyTtlMs), { scope, key });
      if (!(await claimKey(tx.db, { scope, key, requestHash: hash, now }))) {
        const stored = await selectStoredResponse(tx.db, scope, key);
        if (stored === undefined)
          throw new AppError("conflict", "Retry: the key was just released");
        if (stored.requestHash !== hash) {
          throw new AppError(
            "validation",
            "Idempotency-Key was already used with a different request",
            {
              code: "idempotency_key_reused",
              errors: [{ path: "Idempotency-Key", message: "reused with a different body" }],
            },
          );
        }
        return replay(stored.status, stored.body);
      }
      // A client error is an outcome too: undo its effects, keep the key and the answer. (On
      // success the savepoint is left to the commit, which releases it: a round trip fewer
      // while the handler's row locks are held.)
      await sql`SAVEPOINT idempotent_handler`.execute(tx.db);
      let response: RouteResponse;
      try {
        response = await handle(request, tx);
      } catch (error) {
        if (!(error instanceof AppError) || error.status >= 500) throw error;
        await sql`ROLLBACK TO SAVEPOINT idempotent_handler`.execute(tx.db);
        response = {
          status: error.status,
          body: problemOfAppError(error),
          headers: { "content-type": problemContentType },
        };
      }
      const body = response.body === undefined ? null : JSON.stringify(response.body);
      await storeResponse(tx.db, scope, key, { status: response.status, body });
      return response;
    });
  };
}
