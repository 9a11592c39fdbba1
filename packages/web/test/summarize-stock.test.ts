import { describe, expect, it } from "vitest";
import type { MergedProduct } from "../src/api/api-schemas.ts";
import { summarizeStock } from "../src/stock/summarize-stock.ts";

const product = (id: number, quantity?: number): MergedProduct => ({
  id,
  name: `Product ${id}`,
  description: null,
  price: 10,
  category: "Electronics",
  ...(quantity === undefined ? {} : { inventory: { quantity, warehouse: "Warehouse A" } }),
});

describe("summarizeStock", () => {
  it("when given the seed quantities, then counts 5 products, 405 units and no low stock", () => {
    const seed = [50, 150, 75, 30, 100].map((quantity, index) => product(index + 1, quantity));
    expect(summarizeStock(seed)).toEqual({ productCount: 5, unitsInStock: 405, lowStockCount: 0 });
  });

  it("when a product is under 30 units, then it counts as low stock", () => {
    expect(summarizeStock([product(1, 29), product(2, 30)]).lowStockCount).toBe(1);
  });

  it("when a product has no stock row, then it counts as low stock with no units", () => {
    expect(summarizeStock([product(1)])).toEqual({
      productCount: 1,
      unitsInStock: 0,
      lowStockCount: 1,
    });
  });
});
