import * as z from "zod";
import { boundedText, idParam, int4Max, positiveId } from "../db/column-limits.ts";

export const levelSchema = z
  .object({
    product_id: z.number().int(),
    location_id: z.number().int(),
    location: z.string().describe("The location's name"),
    on_hand: z.number().int().describe("Units physically there"),
    reserved: z.number().int().describe("Units held by active reservations"),
    available: z.number().int().describe("on_hand − reserved; never negative"),
    updated_at: z.string().describe("RFC 3339 timestamp"),
  })
  .meta({ id: "StockLevel" });
export type Level = z.infer<typeof levelSchema>;

const queryId = idParam.optional();
export const levelQuery = z.object({ product_id: queryId, location_id: queryId });
export type LevelFilter = z.infer<typeof levelQuery>;

export const nonZeroDelta = z
  .number()
  .int("must be an integer")
  .min(-int4Max)
  .max(int4Max)
  .refine((delta) => delta !== 0, "must not be zero");

export const reasonText = boundedText(200);

export const levelAdjustBody = z.object({
  product_id: positiveId,
  location_id: positiveId,
  delta: nonZeroDelta,
  reason: reasonText.optional(),
});
export type LevelAdjustment = z.infer<typeof levelAdjustBody>;
