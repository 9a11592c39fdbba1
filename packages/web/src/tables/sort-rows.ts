export type SortDirection = "ascending" | "descending";

export interface SortOrder<Column extends string> {
  column: Column;
  direction: SortDirection;
}

export type SortValue = string | number | null | undefined;

const collator = new Intl.Collator("en", { sensitivity: "base", numeric: true });

/** A sorted copy; empty values always go last, whichever the direction. */
export function sortRows<Row, Column extends string>(
  rows: readonly Row[],
  order: SortOrder<Column>,
  cellValue: (row: Row, column: Column) => SortValue,
): Row[] {
  const sign = order.direction === "ascending" ? 1 : -1;
  return [...rows].sort((a, b) => {
    const left = cellValue(a, order.column);
    const right = cellValue(b, order.column);
    const leftEmpty = left === null || left === undefined || left === "";
    const rightEmpty = right === null || right === undefined || right === "";
    if (leftEmpty || rightEmpty) return Number(leftEmpty) - Number(rightEmpty);
    if (typeof left === "number" && typeof right === "number") return sign * (left - right);
    return sign * collator.compare(String(left), String(right));
  });
}

/** The order after a click on a column header: same column flips, a new one starts ascending. */
export function nextSortOrder<Column extends string>(
  current: SortOrder<Column>,
  column: Column,
): SortOrder<Column> {
  if (current.column !== column) return { column, direction: "ascending" };
  return { column, direction: current.direction === "ascending" ? "descending" : "ascending" };
}
