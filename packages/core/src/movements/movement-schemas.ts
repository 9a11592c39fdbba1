import * as z from "zod";
import type { MovementKind } from "../db/database.ts";

export const movementKinds = [
  "adjust",
  "set",
  "transfer_in",
  "transfer_out",
  "commit",
  "create",
] as const satisfies readonly MovementKind[];

export const stockMovementSchema = z
  .object({
    id: z.number().int(),
    inventory_id: z.number().int(),
    location_id: z.number().int().nullable().describe("Null once its location was deleted"),
    kind: z.enum(movementKinds),
    delta: z.number().int(),
    quantity_after: z.number().int().describe("The level's on_hand after this change"),
    reason: z.string().nullable(),
    request_id: z.string().nullable(),
    created_at: z.string().describe("RFC 3339 timestamp"),
  })
  .meta({ id: "StockMovement" });
export type StockMovement = z.infer<typeof stockMovementSchema>;

export interface NewStockMovement {
  inventoryId: number;
  locationId: number;
  kind: MovementKind;
  delta: number;
  quantityAfter: number;
  reason: string | null;
  requestId: string | null;
}
