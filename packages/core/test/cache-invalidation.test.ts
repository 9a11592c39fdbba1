import { describe, expect, it } from "vitest";
import {
  cacheKeys,
  catalogueChunkWidth,
  chunkOfProduct,
  keysStaledByInventoryWrite,
  keysStaledByLevelWrite,
  keysStaledByProductCreation,
  keysStaledByProductWrite,
} from "../src/index.ts";

describe("keysStaledByProductWrite", () => {
  it("when a product changes then its entity, list, merged view and catalogue chunk go", () => {
    expect(keysStaledByProductWrite(7)).toEqual(
      expect.arrayContaining([
        cacheKeys.product(7),
        cacheKeys.productList(),
        cacheKeys.mergedProduct(7),
        cacheKeys.catalogueChunk(0),
      ]),
    );
  });

  it("when a product is created then the catalogue's tail goes too, as the product may lie past it", () => {
    expect(keysStaledByProductWrite(7)).not.toContain(cacheKeys.catalogueTail());
    expect(keysStaledByProductCreation(7)).toEqual(
      expect.arrayContaining([...keysStaledByProductWrite(7), cacheKeys.catalogueTail()]),
    );
  });

  it("when a product changes then only the catalogue chunk holding its id goes", () => {
    const keys = keysStaledByProductWrite(catalogueChunkWidth + 1);
    expect(keys).toContain(cacheKeys.catalogueChunk(1));
    expect(keys).not.toContain(cacheKeys.catalogueChunk(0));
    expect(chunkOfProduct(catalogueChunkWidth)).toBe(0);
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
        cacheKeys.catalogueChunk(0),
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
        cacheKeys.catalogueChunk(chunkOfProduct(7)),
        cacheKeys.catalogueChunk(chunkOfProduct(8)),
      ]),
    );
    expect(new Set(keys).size).toBe(keys.length);
  });
});
