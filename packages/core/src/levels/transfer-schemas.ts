import * as z from "zod";
import { positiveId } from "../db/column-limits.ts";
import { reasonText } from "./level-schemas.ts";

export const transferBody = z
  .object({
    product_id: positiveId,
    from_location_id: positiveId,
    to_location_id: positiveId,
    quantity: positiveId.describe("Units to move, at least 1"),
    reason: reasonText.optional(),
  })
  .refine((transfer) => transfer.from_location_id !== transfer.to_location_id, {
    path: ["to_location_id"],
    message: "must differ from from_location_id",
  });
export type TransferInput = z.infer<typeof transferBody>;

export const transferSchema = z
  .object({
    id: z.number().int(),
    product_id: z.number().int(),
    from_location_id: z.number().int(),
    to_location_id: z.number().int(),
    quantity: z.number().int(),
    created_at: z.string().describe("RFC 3339 timestamp"),
  })
  .meta({ id: "Transfer" });
export type Transfer = z.infer<typeof transferSchema>;
