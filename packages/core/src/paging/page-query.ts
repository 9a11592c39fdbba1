import * as z from "zod";
import { int4Max } from "../db/column-limits.ts";

export const defaultPageSize = 100;
export const maxPageSize = 1_000;

// The cursor is opaque to clients (base64url of the last id seen), so it can change shape later.
export const cursorAfter = (id: number): string => Buffer.from(String(id)).toString("base64url");

const limit = z
  .string()
  .regex(/^[1-9][0-9]{0,3}$/, `must be a whole number from 1 to ${maxPageSize}`)
  .transform(Number)
  .refine((value) => value <= maxPageSize, `must be a whole number from 1 to ${maxPageSize}`)
  .describe(
    `Items per page, 1 to ${maxPageSize} (${defaultPageSize} when only \`cursor\` is given)`,
  );

const cursor = z
  .string()
  .max(20)
  .transform((text, context) => {
    const decoded = /^[A-Za-z0-9_-]+$/.test(text) ? Buffer.from(text, "base64url").toString() : "";
    const after = /^(0|[1-9][0-9]{0,9})$/.test(decoded) ? Number(decoded) : Number.NaN;
    if (Number.isNaN(after) || after > int4Max) {
      context.addIssue({ code: "custom", message: "is not a cursor this API gave out" });
      return z.NEVER;
    }
    return after;
  })
  .describe('Where the page starts: the `cursor` of the previous page\'s `Link: rel="next"`');

/** The opt-in paging parameters of a list: `?limit=&cursor=`. */
export const pageQueryFields = { limit: limit.optional(), cursor: cursor.optional() };

/** Which page a client asked for, or undefined for the whole (legacy) list. */
export interface PageRequest {
  /** The id the page starts after (0: the first page). */
  after: number;
  limit: number;
}

export function pageRequestOf(query: { limit?: number; cursor?: number }): PageRequest | undefined {
  if (query.limit === undefined && query.cursor === undefined) return undefined;
  return { after: query.cursor ?? 0, limit: query.limit ?? defaultPageSize };
}
