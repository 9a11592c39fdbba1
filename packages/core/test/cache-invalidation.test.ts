import { describe, expect, it } from "vitest";
import { cacheKeys, keysStaledByInventoryWrite, keysStaledByProductWrite } from "../src/index.ts";

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
