import { describe, expect, it } from "vitest";
import {
  cacheKeys,
  keysStaledByInventoryWrite,
  keysStaledByLevelWrite,
  keysStaledByProductWrite,
} from "../src/index.ts";

describe("keysStaledByProductWrite", () => {
  it("when a product changes then its entity, list, merged view and catalogue go", () => {
    expect(keysStaledByProductWrite(7)).toEqual(
      expect.arrayContaining([
        cacheKeys.product(7),
        cacheKeys.productList(),
        cacheKeys.mergedProduct(7),
        cacheKeys.catalogue(),
      ]),
    );
  });

  it("when a product is deleted with its stock row then the stock keys go too", () => {
    expect(keysStaledByProductWrite(7, 3)).toEqual(
      expect.arrayContaining([
        cacheKeys.inventory(3),
        cacheKeys.inventoryByProduct(7),
        cacheKeys.inventoryList(),
      ]),
    );
  });
});

describe("keysStaledByInventoryWrite", () => {
  it("when stock changes then the by-product key and the product's merged views go", () => {
    expect(keysStaledByInventoryWrite(3, 7)).toEqual(
      expect.arrayContaining([
        cacheKeys.inventory(3),
        cacheKeys.inventoryByProduct(7),
        cacheKeys.inventoryList(),
        cacheKeys.mergedProduct(7),
        cacheKeys.catalogue(),
      ]),
    );
  });
});

describe("keysStaledByLevelWrite", () => {
  it("when levels of two products change then both stock rows and merged views go, each key once", () => {
    const keys = keysStaledByLevelWrite([
      { inventory_id: 3, product_id: 7 },
      { inventory_id: 3, product_id: 7 },
      { inventory_id: 4, product_id: 8 },
    ]);
    expect(keys).toEqual(
      expect.arrayContaining([
        cacheKeys.inventory(3),
        cacheKeys.inventory(4),
        cacheKeys.inventoryByProduct(8),
        cacheKeys.mergedProduct(7),
        cacheKeys.mergedProduct(8),
        cacheKeys.inventoryList(),
        cacheKeys.catalogue(),
      ]),
    );
    expect(new Set(keys).size).toBe(keys.length);
  });
});
