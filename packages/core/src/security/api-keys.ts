import { createHash, timingSafeEqual } from "node:crypto";
import { AppError } from "../errors/app-error.ts";

/** Keys as configured: write keys may change data, read-only keys may not. */
export interface ApiKeys {
  write: readonly string[];
  readOnly: readonly string[];
}

const digest = (value: string) => createHash("sha256").update(value).digest();

const unauthorized = (detail: string) =>
  new AppError("unauthorized", detail, {
    headers: { "www-authenticate": 'Bearer realm="stockwiz"' },
  });

/** Compares against every key, always: the time taken says nothing about which one is close. */
function holds(keys: readonly string[], candidate: Buffer): boolean {
  let found = false;
  for (const key of keys) found = timingSafeEqual(digest(key), candidate) || found;
  return found;
}

/**
 * Guards a write when keys are configured: no or unknown credentials are a 401, a known key
 * without the right to write is a 403. With no write keys configured every caller may write,
 * as legacy clients expect.
 */
export function authorizeWrite(authorization: string | undefined, keys: ApiKeys): void {
  if (keys.write.length === 0) return;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? "");
  if (match?.[1] === undefined)
    throw unauthorized("Writes need an API key: Authorization: Bearer <key>");
  const candidate = digest(match[1]);
  if (holds(keys.write, candidate)) return;
  if (holds(keys.readOnly, candidate)) {
    throw new AppError("forbidden", "This API key may read but not change data");
  }
  throw unauthorized("The API key is not valid");
}
