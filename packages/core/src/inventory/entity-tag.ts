import { badRequest } from "../errors/app-error.ts";

/** The strong ETag of a stock row: its version, quoted. */
export const entityTagOf = (version: number) => `"${version}"`;

/**
 * The version an If-Match header asks for: undefined when absent or `*` (any version will do).
 * Weak tags are accepted: the version is exact either way.
 */
export function versionFromIfMatch(header: string | undefined): number | undefined {
  if (header === undefined || header.trim() === "*") return undefined;
  const match = /^\s*(?:W\/)?"?(\d{1,10})"?\s*$/.exec(header);
  if (match === null) {
    throw badRequest('If-Match must be an entity tag such as "3"', [
      { path: "If-Match", message: "not an entity tag" },
    ]);
  }
  return Number(match[1]);
}
