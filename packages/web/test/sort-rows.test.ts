import { describe, expect, it } from "vitest";
import { nextSortOrder, sortRows } from "../src/tables/sort-rows.ts";

interface Row {
  name: string;
  stock: number | undefined;
}

const rows: Row[] = [
  { name: "monitor 4K", stock: 30 },
  { name: "Laptop", stock: undefined },
  { name: "Mouse", stock: 150 },
  { name: "Item 10", stock: 9 },
  { name: "Item 9", stock: 100 },
];
const cell = (row: Row, column: "name" | "stock") => row[column];

describe("sortRows", () => {
  it("when sorting text ascending, then ignores case and orders numbers inside names naturally", () => {
    const sorted = sortRows(rows, { column: "name", direction: "ascending" }, cell);
    expect(sorted.map((row) => row.name)).toEqual([
      "Item 9",
      "Item 10",
      "Laptop",
      "monitor 4K",
      "Mouse",
    ]);
  });

  it("when sorting numbers descending, then the largest comes first and empty values last", () => {
    const sorted = sortRows(rows, { column: "stock", direction: "descending" }, cell);
    expect(sorted.map((row) => row.stock)).toEqual([150, 100, 30, 9, undefined]);
  });

  it("when sorting numbers ascending, then empty values still come last", () => {
    const sorted = sortRows(rows, { column: "stock", direction: "ascending" }, cell);
    expect(sorted.map((row) => row.stock)).toEqual([9, 30, 100, 150, undefined]);
  });

  it("when sorting, then the given rows keep their order", () => {
    const before = [...rows];
    sortRows(rows, { column: "stock", direction: "ascending" }, cell);
    expect(rows).toEqual(before);
  });
});

describe("nextSortOrder", () => {
  it("when the sorted column is clicked again, then the direction flips", () => {
    expect(nextSortOrder({ column: "name", direction: "ascending" }, "name")).toEqual({
      column: "name",
      direction: "descending",
    });
  });

  it("when another column is clicked, then it sorts ascending", () => {
    expect(nextSortOrder({ column: "name", direction: "descending" }, "price")).toEqual({
      column: "price",
      direction: "ascending",
    });
  });
});
