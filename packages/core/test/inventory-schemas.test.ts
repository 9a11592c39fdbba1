import { describe, expect, it } from "vitest";
import { createInventoryBody, inventoryProductParams, updateInventoryBody } from "../src/index.ts";

describe("createInventoryBody", () => {
  it("when quantity is omitted then it defaults to 0 like the column", () => {
    expect(createInventoryBody.parse({ product_id: 3 })).toEqual({ product_id: 3, quantity: 0 });
  });

  it.each([
    [{ product_id: 1, quantity: -1 }, "quantity"],
    [{ product_id: 1, quantity: 1.5 }, "quantity"],
    [{ product_id: 1, quantity: "5" }, "quantity"],
    [{ product_id: 1, quantity: 2_147_483_648 }, "quantity"],
    [{ quantity: 5 }, "product_id"],
    [{ product_id: 0, quantity: 5 }, "product_id"],
    [{ product_id: 1, warehouse: "w".repeat(101) }, "warehouse"],
  ])("when the body is %j then %s is reported", (body, path) => {
    const result = createInventoryBody.safeParse(body);
    expect(result.error?.issues.map((issue) => issue.path.join("."))).toContain(path);
  });
});

describe("updateInventoryBody", () => {
  it("when warehouse is null then the row loses its warehouse", () => {
    expect(updateInventoryBody.parse({ warehouse: null })).toEqual({ warehouse: null });
  });

  it("when quantity is negative then it is rejected", () => {
    expect(updateInventoryBody.safeParse({ quantity: -5 }).success).toBe(false);
  });
});

describe("inventoryProductParams", () => {
  it("when the product id is not numeric then it is rejected", () => {
    expect(inventoryProductParams.safeParse({ product_id: "x" }).success).toBe(false);
  });
});
