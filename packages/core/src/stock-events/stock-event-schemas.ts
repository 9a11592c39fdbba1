import * as z from "zod";
import { int4Max, nonNegativeInt4 } from "../db/column-limits.ts";

export const stockEventKinds = ["low", "out", "restocked"] as const;

/** A level's available changed state: what the people who restock are told. */
export const stockEventSchema = z
  .object({
    id: z.string().describe("Grows with every event; the `after` cursor"),
    level_id: z.number().int(),
    product_id: z.number().int(),
    location_id: z.number().int(),
    sequence: z.number().int().describe("1, 2, … per level: apply a level's events in this order"),
    kind: z
      .enum(stockEventKinds)
      .describe("out: available reached 0; low: 1..threshold; restocked: above the threshold"),
    available_before: z.number().int(),
    available_after: z.number().int(),
    low_stock_threshold: z.number().int(),
    occurred_at: z.string().describe("RFC 3339 timestamp"),
  })
  .meta({ id: "StockEvent" });
export type StockEvent = z.infer<typeof stockEventSchema>;

export const stockEventQuery = z.object({
  after: z
    .string()
    .regex(/^(0|[1-9][0-9]{0,17})$/, "must be an event id")
    .optional()
    .describe(
      "Only events newer than this id: the `limit` oldest of them, so a reader catching up misses none",
    ),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type StockEventQuery = z.infer<typeof stockEventQuery>;

export const lowStockThresholdBody = z.object({
  low_stock_threshold: nonNegativeInt4.describe(
    "At or below it (and above 0) a level of this product is low",
  ),
});

export const lowStockThresholdSchema = z
  .object({
    inventory_id: z.number().int(),
    product_id: z.number().int(),
    low_stock_threshold: z.number().int().min(0).max(int4Max),
  })
  .meta({ id: "LowStockThreshold" });
export type LowStockThreshold = z.infer<typeof lowStockThresholdSchema>;
