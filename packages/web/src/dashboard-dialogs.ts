import type { Location, MergedProduct, StockRow } from "./api/api-schemas.ts";

/** Which form, if any, is open over the dashboard. */
export type DashboardDialog =
  | { kind: "create-product" }
  | { kind: "edit-product"; product: MergedProduct }
  | { kind: "create-stock"; productId?: number }
  | { kind: "edit-stock"; row: StockRow }
  | { kind: "adjust-stock"; row: StockRow }
  | { kind: "create-location" }
  | { kind: "rename-location"; location: Location }
  | { kind: "api-key" };
