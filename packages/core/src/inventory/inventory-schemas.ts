import { z } from "zod";
import { idParam, nonNegativeInt4, positiveId } from "../db/column-limits.ts";

export const inventorySchema = z.object({
  id: z.number().int(),
  product_id: z.number().int(),
  quantity: z.number().int(),
  warehouse: z.string().nullable(),
  last_updated: z.string().describe("RFC 3339 timestamp"),
});
export type Inventory = z.infer<typeof inventorySchema>;

const warehouse = z.string().max(100).nullable();

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

export const inventoryIdParams = z.object({ id: idParam });
export const inventoryProductParams = z.object({ product_id: idParam });
