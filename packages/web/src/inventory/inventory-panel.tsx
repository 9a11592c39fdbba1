import { useState } from "preact/hooks";
import type { StockRow } from "../api/api-schemas.ts";
import { SortableHeader } from "../components/sortable-header.tsx";
import { StockBadge } from "../components/stock-badge.tsx";
import { formatDateTime } from "../format/format-date-time.ts";
import { nextSortOrder, type SortOrder, sortRows } from "../tables/sort-rows.ts";

type StockColumn = "id" | "product" | "quantity" | "warehouse" | "last_updated";

interface InventoryPanelProps {
  rows: readonly StockRow[] | undefined;
  productNames: ReadonlyMap<number, string>;
  canAdd: boolean;
  onAdd: () => void;
  onEdit: (row: StockRow) => void;
  onAdjust: (row: StockRow) => void;
  onDelete: (row: StockRow) => void;
}

export function InventoryPanel(props: InventoryPanelProps) {
  const { rows, productNames, onEdit, onAdjust, onDelete } = props;
  const [order, setOrder] = useState<SortOrder<StockColumn>>({
    column: "id",
    direction: "ascending",
  });
  const nameOf = (row: StockRow) =>
    productNames.get(row.product_id) ?? `Product #${row.product_id}`;
  const shown = sortRows(rows ?? [], order, (row, column) =>
    column === "product" ? nameOf(row) : row[column],
  );
  const sortBy = (column: StockColumn) => setOrder(nextSortOrder(order, column));
  const header = (column: StockColumn, label: string, numeric = false) => (
    <SortableHeader column={column} label={label} order={order} onSort={sortBy} numeric={numeric} />
  );

  return (
    <div>
      <div class="toolbar">
        <button
          type="button"
          class="button--primary toolbar__action"
          onClick={props.onAdd}
          disabled={!props.canAdd}
        >
          Add stock row
        </button>
        {!props.canAdd && <p class="toolbar__note">Every product already has a stock row.</p>}
      </div>
      <div class="table-scroll">
        <table>
          <caption class="visually-hidden">Stock rows</caption>
          <thead>
            <tr>
              {header("id", "ID", true)}
              {header("product", "Product")}
              {header("quantity", "Quantity")}
              {header("warehouse", "Warehouse")}
              {header("last_updated", "Last updated")}
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((row) => (
              <tr key={row.id} data-stock-id={row.id}>
                <td class="numeric" data-label="ID">
                  {row.id}
                </td>
                <th scope="row">{nameOf(row)}</th>
                <td data-label="Quantity">
                  <StockBadge quantity={row.quantity} />
                </td>
                <td data-label="Warehouse">{row.warehouse || "—"}</td>
                <td data-label="Last updated">
                  <time dateTime={row.last_updated}>{formatDateTime(row.last_updated)}</time>
                </td>
                <td>
                  <div class="row-actions">
                    <button
                      type="button"
                      onClick={() => onEdit(row)}
                      aria-label={`Edit stock of ${nameOf(row)}`}
                    >
                      Edit
                    </button>
                    <button
                      type="button"
                      onClick={() => onAdjust(row)}
                      aria-label={`Adjust stock of ${nameOf(row)}`}
                    >
                      Adjust
                    </button>
                    <button
                      type="button"
                      class="button--danger"
                      onClick={() => onDelete(row)}
                      aria-label={`Delete stock row of ${nameOf(row)}`}
                    >
                      Delete
                    </button>
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {rows?.length === 0 && <p class="empty">No stock rows yet.</p>}
    </div>
  );
}
