import { describe, expect, it } from "vitest";
import type { MergedProduct } from "../src/api/api-schemas.ts";
import { stockPerProduct, stockPerWarehouse } from "../src/stock/group-stock.ts";

const product = (
  id: number,
  stock?: { quantity: number; warehouse: string | null },
): MergedProduct => ({
  id,
  name: `Product ${id}`,
  description: null,
  price: 1,
  category: null,
  ...(stock ? { inventory: stock } : {}),
});

const products = [
  product(1, { quantity: 50, warehouse: "Warehouse A" }),
  product(2, { quantity: 150, warehouse: "Warehouse A" }),
  product(3, { quantity: 75, warehouse: "Warehouse B" }),
  product(4, { quantity: 5, warehouse: null }),
  product(5),
];

describe("stockPerProduct", () => {
  it("when products have stock, then gives one bar each, largest first, leaving out products without a row", () => {
    expect(stockPerProduct(products).map((bar) => [bar.label, bar.quantity])).toEqual([
      ["Product 2", 150],
      ["Product 3", 75],
      ["Product 1", 50],
      ["Product 4", 5],
    ]);
  });
});

describe("stockPerWarehouse", () => {
  it("when products share a warehouse, then adds up their units, largest first", () => {
    expect(stockPerWarehouse(products)).toEqual([
      { label: "Warehouse A", quantity: 200 },
      { label: "Warehouse B", quantity: 75 },
      { label: "No warehouse", quantity: 5 },
    ]);
  });
});
