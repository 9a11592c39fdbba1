import type { InventoryRow, ProductWithStock } from "./api/types.ts";

/** Which form, if any, is open over the dashboard. */
export type DashboardDialog =
  | { kind: "create-product" }
  | { kind: "edit-product"; product: ProductWithStock }
  | { kind: "create-stock"; productId?: number }
  | { kind: "edit-stock"; row: InventoryRow }
  | { kind: "adjust-stock"; row: InventoryRow }
  | { kind: "api-key" };
