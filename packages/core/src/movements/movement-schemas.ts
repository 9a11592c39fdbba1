import * as z from "zod";

export const stockMovementSchema = z
  .object({
    id: z.number().int(),
    inventory_id: z.number().int(),
    delta: z.number().int(),
    quantity_after: z.number().int(),
    reason: z.string().nullable(),
    request_id: z.string().nullable(),
    created_at: z.string().describe("RFC 3339 timestamp"),
  })
  .meta({ id: "StockMovement" });
export type StockMovement = z.infer<typeof stockMovementSchema>;

export interface NewStockMovement {
  inventoryId: number;
  delta: number;
  quantityAfter: number;
  reason: string | null;
  requestId: string | null;
}
