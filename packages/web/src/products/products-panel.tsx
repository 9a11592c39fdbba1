import { useState } from "preact/hooks";
import type { MergedProduct } from "../api/api-schemas.ts";
import { SelectField } from "../components/select-field.tsx";
import { SortableHeader } from "../components/sortable-header.tsx";
import { StockBadge } from "../components/stock-badge.tsx";
import { TextField } from "../components/text-field.tsx";
import { formatPrice } from "../format/format-price.ts";
import { nextSortOrder, type SortOrder, sortRows } from "../tables/sort-rows.ts";
import { categoriesOf, filterProducts } from "./filter-products.ts";

type ProductColumn = "name" | "category" | "price" | "stock" | "warehouse";

interface ProductsPanelProps {
  products: readonly MergedProduct[] | undefined;
  onAdd: () => void;
  onEdit: (product: MergedProduct) => void;
  onStock: (product: MergedProduct) => void;
  onDelete: (product: MergedProduct) => void;
}

export function ProductsPanel({ products, onAdd, onEdit, onStock, onDelete }: ProductsPanelProps) {
  const [search, setSearch] = useState("");
  const [category, setCategory] = useState("");
  const [order, setOrder] = useState<SortOrder<ProductColumn>>({
    column: "name",
    direction: "ascending",
  });
  const all = products ?? [];
  const shown = sortRows(filterProducts(all, { search, category }), order, cellValue);
  const sortBy = (column: ProductColumn) => setOrder(nextSortOrder(order, column));
  const header = (column: ProductColumn, label: string, numeric = false) => (
    <SortableHeader column={column} label={label} order={order} onSort={sortBy} numeric={numeric} />
  );

  return (
    <div>
      <div class="toolbar">
        <TextField
          id="product-search"
          label="Search by name"
          search
          value={search}
          onValue={setSearch}
        />
        <SelectField
          id="category-filter"
          label="Category"
          value={category}
          options={[
            { value: "", label: "All categories" },
            ...categoriesOf(all).map((name) => ({ value: name, label: name })),
          ]}
          onValue={setCategory}
        />
        <button type="button" class="button--primary toolbar__action" onClick={onAdd}>
          Add product
        </button>
      </div>
      <div class="table-scroll">
        <table>
          <caption class="visually-hidden">Products, {shown.length} shown</caption>
          <thead>
            <tr>
              {header("name", "Name")}
              {header("category", "Category")}
              {header("price", "Price", true)}
              {header("stock", "Stock")}
              {header("warehouse", "Warehouse")}
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((product) => (
              <tr key={product.id} data-product-id={product.id}>
                <th scope="row">{product.name}</th>
                <td data-label="Category">{product.category ?? "—"}</td>
                <td class="numeric" data-label="Price">
                  {formatPrice(product.price)}
                </td>
                <td data-label="Stock">
                  <StockBadge quantity={product.inventory?.quantity} />
                </td>
                <td data-label="Warehouse">{product.inventory?.warehouse ?? "—"}</td>
                <td>
                  <div class="row-actions">
                    <button
                      type="button"
                      onClick={() => onEdit(product)}
                      aria-label={`Edit ${product.name}`}
                    >
                      Edit
                    </button>
                    <button
                      type="button"
                      onClick={() => onStock(product)}
                      aria-label={`${stockAction(product)} of ${product.name}`}
                    >
                      {stockAction(product)}
                    </button>
                    <button
                      type="button"
                      class="button--danger"
                      onClick={() => onDelete(product)}
                      aria-label={`Delete ${product.name}`}
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
      {products && shown.length === 0 && (
        <p class="empty">
          {all.length === 0 ? "No products yet." : "No product matches the search."}
        </p>
      )}
    </div>
  );
}

function cellValue(product: MergedProduct, column: ProductColumn) {
  switch (column) {
    case "stock":
      return product.inventory?.quantity;
    case "warehouse":
      return product.inventory?.warehouse;
    default:
      return product[column];
  }
}

function stockAction(product: MergedProduct): string {
  return product.inventory ? "Adjust stock" : "Add stock";
}
