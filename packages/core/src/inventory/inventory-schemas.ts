import * as z from "zod";
import { boundedText, idParam, int4Max, nonNegativeInt4, positiveId } from "../db/column-limits.ts";
import { pageQueryFields } from "../paging/page-query.ts";

export const inventorySchema = z
  .object({
    id: z.number().int(),
    product_id: z.number().int(),
    quantity: z.number().int(),
    warehouse: z.string().nullable(),
    last_updated: z.string().describe("RFC 3339 timestamp"),
    version: z.number().int().describe("Moves on with every change; send it back in If-Match"),
  })
  .meta({ id: "StockRow" });
export type Inventory = z.infer<typeof inventorySchema>;

const warehouse = boundedText(100).nullable();

export const createInventoryBody = z.object({
  product_id: positiveId,
  quantity: nonNegativeInt4.default(0),
  warehouse: warehouse.optional(),
});
export type CreateInventory = z.infer<typeof createInventoryBody>;

export const updateInventoryBody = z.object({
  quantity: nonNegativeInt4.optional(),
  warehouse: warehouse.optional(),
});
export type InventoryChanges = z.infer<typeof updateInventoryBody>;

export const adjustInventoryBody = z.object({
  delta: z
    .number()
    .int("must be an integer")
    .min(-int4Max)
    .max(int4Max)
    .refine((delta) => delta !== 0, "must not be zero"),
  reason: boundedText(200).optional(),
  location_id: positiveId
    .optional()
    .describe("Required when the product is stocked in several locations"),
});
export type StockAdjustment = z.infer<typeof adjustInventoryBody>;

export const inventoryIdParams = z.object({ id: idParam });
export const inventoryProductParams = z.object({ product_id: idParam });

/** Optional filters of the stock list: a page, the rows of a range of product ids (inclusive). */
export const listInventoryQuery = z.object({
  product_id_from: idParam.optional().describe("Only rows of products with this id or above"),
  product_id_to: idParam.optional().describe("Only rows of products with this id or below"),
  ...pageQueryFields,
});
export type InventoryFilter = Pick<
  z.infer<typeof listInventoryQuery>,
  "product_id_from" | "product_id_to"
>;
