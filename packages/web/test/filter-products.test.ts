import { describe, expect, it } from "vitest";
import type { MergedProduct } from "../src/api/api-schemas.ts";
import { categoriesOf, filterProducts } from "../src/products/filter-products.ts";

const product = (id: number, name: string, category: string | null): MergedProduct => ({
  id,
  name,
  category,
  description: null,
  price: 1,
});

const products = [
  product(1, "Laptop Dell XPS 13", "Electronics"),
  product(2, "Teclado Mecánico", "Electronics"),
  product(3, "Desk lamp", "Office"),
  product(4, "Gift card", null),
];

const names = (list: MergedProduct[]) => list.map((item) => item.name);

describe("filterProducts", () => {
  it("when searching, then matches part of the name whatever the case and accents", () => {
    expect(names(filterProducts(products, { search: " mecanico ", category: "" }))).toEqual([
      "Teclado Mecánico",
    ]);
  });

  it("when a category is chosen, then only its products remain", () => {
    expect(names(filterProducts(products, { search: "", category: "Office" }))).toEqual([
      "Desk lamp",
    ]);
  });

  it("when both are set, then a product must match both", () => {
    expect(filterProducts(products, { search: "lamp", category: "Electronics" })).toEqual([]);
  });

  it("when nothing is set, then every product remains", () => {
    expect(filterProducts(products, { search: "", category: "" })).toHaveLength(4);
  });
});

describe("categoriesOf", () => {
  it("when products share or lack categories, then lists each category once, sorted", () => {
    expect(categoriesOf(products)).toEqual(["Electronics", "Office"]);
  });
});
