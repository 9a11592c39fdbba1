import type { SortOrder } from "../tables/sort-rows.ts";

interface SortableHeaderProps<Column extends string> {
  column: Column;
  label: string;
  order: SortOrder<Column>;
  onSort: (column: Column) => void;
  numeric?: boolean;
}

/** A column header whose button sorts the table; `aria-sort` tells screen readers the order. */
export function SortableHeader<Column extends string>(props: SortableHeaderProps<Column>) {
  const { column, label, order, onSort, numeric } = props;
  const active = order.column === column;
  const arrow = !active ? "↕" : order.direction === "ascending" ? "↑" : "↓";
  return (
    <th
      scope="col"
      class={numeric ? "numeric" : undefined}
      aria-sort={active ? order.direction : undefined}
    >
      <button type="button" class="sort-button" onClick={() => onSort(column)}>
        {label} <span aria-hidden="true">{arrow}</span>
      </button>
    </th>
  );
}
