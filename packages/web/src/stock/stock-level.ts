export type StockLevel = "low" | "medium" | "high";

/** Legacy thresholds: under 30 units is low, under 100 is medium, anything else high. */
export const LOW_STOCK_BELOW = 30;
export const MEDIUM_STOCK_BELOW = 100;

export function stockLevelOf(quantity: number): StockLevel {
  if (quantity < LOW_STOCK_BELOW) return "low";
  if (quantity < MEDIUM_STOCK_BELOW) return "medium";
  return "high";
}
