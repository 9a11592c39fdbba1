import { describe, expect, it } from "vitest";
import { stockLevelOf } from "../src/stock/stock-level.ts";

describe("stockLevelOf (legacy thresholds)", () => {
  it.each([
    [0, "low"],
    [29, "low"],
    [30, "medium"],
    [99, "medium"],
    [100, "high"],
    [150, "high"],
  ] as const)("when the quantity is %i, then the level is %s", (quantity, level) => {
    expect(stockLevelOf(quantity)).toBe(level);
  });
});
