import * as z from "zod";
import { boundedText, idParam, positiveId } from "../db/column-limits.ts";

export const reservationStatuses = ["active", "committed", "released", "expired"] as const;
export type ReservationStatus = (typeof reservationStatuses)[number];

const allocationSchema = z.object({
  location_id: z.number().int().nullable().describe("Null once its location was deleted"),
  quantity: z.number().int(),
});

export const reservationSchema = z
  .object({
    id: z.string(),
    status: z
      .enum(reservationStatuses)
      .describe("`expired` from the instant of expires_at, whether or not a sweep has run"),
    reference: z.string().nullable(),
    expires_at: z.string().describe("RFC 3339 timestamp"),
    created_at: z.string().describe("RFC 3339 timestamp"),
    items: z.array(
      z.object({
        product_id: z.number().int(),
        quantity: z.number().int(),
        allocations: z.array(allocationSchema).describe("Where the units are held"),
      }),
    ),
  })
  .meta({ id: "Reservation" });
export type Reservation = z.infer<typeof reservationSchema>;

export const defaultExpirySeconds = 900;

const reservationItem = z.object({
  product_id: positiveId,
  quantity: positiveId.describe("At least 1"),
  location_id: positiveId
    .optional()
    .describe("Hold at this location only; without it, most available locations first"),
});

export const createReservationBody = z.object({
  items: z
    .array(reservationItem)
    .min(1, "must hold at least one item")
    .max(100)
    .superRefine((items, context) => {
      const seen = new Set<number>();
      items.forEach((item, index) => {
        if (seen.has(item.product_id)) {
          context.addIssue({
            code: "custom",
            path: [index, "product_id"],
            message: "appears in more than one item",
          });
        }
        seen.add(item.product_id);
      });
    }),
  expires_in_seconds: z
    .number()
    .int("must be an integer")
    .min(1)
    .max(86_400)
    .default(defaultExpirySeconds),
  reference: boundedText(200).optional(),
});
export type CreateReservation = z.infer<typeof createReservationBody>;

export const reservationQuery = z.object({
  status: z.enum(reservationStatuses).optional(),
  product_id: idParam.optional(),
});
export type ReservationFilter = z.infer<typeof reservationQuery>;

export const reservationIdParams = z.object({ id: z.uuid("must be a reservation id") });
