import * as z from "zod";

// Bounds taken from the column types, so invalid input is a 4xx and never reaches PostgreSQL.
export const int4Max = 2_147_483_647;
export const priceMax = 99_999_999.99; // numeric(10,2)
export const descriptionMaxLength = 5_000; // text has no bound; keep payloads sane

/** A path id: digits only, 1..int4 max. */
export const idParam = z
  .string()
  .regex(/^[1-9][0-9]{0,9}$/, "must be a positive integer")
  .transform(Number)
  .refine((id) => id <= int4Max, "is too large");

export const positiveId = z.number().int("must be an integer").positive().max(int4Max);
export const nonNegativeInt4 = z.number().int("must be an integer").min(0).max(int4Max);

/** A string bound by its column's size; PostgreSQL text cannot hold NUL, so it is refused here. */
export const boundedText = (maxLength: number) =>
  z
    .string()
    .max(maxLength)
    .refine((value) => !value.includes("\u0000"), "must not contain NUL characters");
