import { badRequest } from "../errors/app-error.ts";
import type { RequestHeader } from "../routing/route.ts";

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

/** Compare-and-set for a stock row: a write that names the version it read. */
export const ifMatchHeader: RequestHeader = {
  name: "If-Match",
  description:
    'The ETag of the row as read (its `version`, quoted: `"3"`): the write applies only if the row is unchanged',
  failures: [
    { status: 400, description: "If-Match is not an entity tag" },
    {
      status: 412,
      description: "The row changed since it was read: nothing was written; read it again",
    },
  ],
};
