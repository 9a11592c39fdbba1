import { describe, expect, it } from "vitest";
import { mergeCatalogue, mergeProductWithStock, type Product } from "../src/index.ts";

const product = (id: number): Product => ({
  id,
  name: `P${id}`,
  description: null,
  price: id * 1.5,
  category: null,
});

describe("mergeProductWithStock", () => {
  it("when the product has stock then inventory carries quantity and warehouse only", () => {
    const merged = mergeProductWithStock(product(1), { quantity: 4, warehouse: "A" });
    expect(merged).toEqual({ ...product(1), inventory: { quantity: 4, warehouse: "A" } });
  });

  it("when the product has no stock row then the inventory key is absent", () => {
    expect("inventory" in mergeProductWithStock(product(1), undefined)).toBe(false);
  });
});

describe("mergeCatalogue", () => {
  it("when stock rows come in another order then each lands on its product, order kept", () => {
    const merged = mergeCatalogue(
      [product(1), product(2), product(3)],
      [
        { product_id: 3, quantity: 30, warehouse: "B" },
        { product_id: 1, quantity: 10, warehouse: null },
      ],
    );
    expect(merged.map((entry) => [entry.id, entry.inventory?.quantity])).toEqual([
      [1, 10],
      [2, undefined],
      [3, 30],
    ]);
    expect("inventory" in (merged[1] ?? {})).toBe(false);
  });
});
