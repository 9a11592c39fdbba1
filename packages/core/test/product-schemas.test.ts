import { describe, expect, it } from "vitest";
import { createProductBody, productIdParams, updateProductBody } from "../src/index.ts";

const errorPaths = (result: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) =>
  result.error?.issues.map((issue) => issue.path.join(".")) ?? [];

describe("createProductBody", () => {
  it("when name and price are valid then it keeps the optional fields", () => {
    const parsed = createProductBody.parse({
      name: "Cable",
      price: 9.5,
      description: null,
      category: "Accessories",
    });
    expect(parsed).toEqual({
      name: "Cable",
      price: 9.5,
      description: null,
      category: "Accessories",
    });
  });

  it("when the price is a numeric string then it is taken as legacy took it", () => {
    expect(createProductBody.parse({ name: "Cable", price: "19.99" }).price).toBe(19.99);
  });

  it.each([
    [{ price: 1 }, "name"],
    [{ name: "", price: 1 }, "name"],
    [{ name: "   ", price: 1 }, "name"],
    [{ name: "x".repeat(256), price: 1 }, "name"],
    [{ name: "Cable" }, "price"],
    [{ name: "Cable", price: 0 }, "price"],
    [{ name: "Cable", price: -3 }, "price"],
    [{ name: "Cable", price: "cheap" }, "price"],
    [{ name: "Cable", price: 0.001 }, "price"],
    [{ name: "Cable", price: 100_000_000 }, "price"],
    [{ name: "Cable", price: 1, category: "c".repeat(101) }, "category"],
  ])("when the body is %j then %s is reported", (body, path) => {
    expect(errorPaths(createProductBody.safeParse(body))).toContain(path);
  });

  it("when the body is not an object then it is rejected", () => {
    expect(createProductBody.safeParse([1, 2]).success).toBe(false);
    expect(createProductBody.safeParse(undefined).success).toBe(false);
  });
});

describe("updateProductBody", () => {
  it("when only unknown fields are sent then nothing remains to update", () => {
    expect(updateProductBody.parse({ colour: "red" })).toEqual({});
  });

  it("when the name is null then it is rejected, since the column is not null", () => {
    expect(errorPaths(updateProductBody.safeParse({ name: null }))).toEqual(["name"]);
  });

  it("when description is null then it clears the description", () => {
    expect(updateProductBody.parse({ description: null })).toEqual({ description: null });
  });
});

describe("productIdParams", () => {
  it("when the id is a positive integer then it becomes a number", () => {
    expect(productIdParams.parse({ id: "42" })).toEqual({ id: 42 });
  });

  it.each(["0", "-1", "abc", "1.5", "01", "2147483648", "99999999999", ""])(
    "when the id is %j then it is rejected",
    (id) => {
      expect(productIdParams.safeParse({ id }).success).toBe(false);
    },
  );

  it("when the id is the largest int4 then it is accepted", () => {
    expect(productIdParams.parse({ id: "2147483647" }).id).toBe(2_147_483_647);
  });
});
