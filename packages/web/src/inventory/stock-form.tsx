import { useState } from "preact/hooks";
import { createStockRow, updateStockRow } from "../api/stockwiz-api.ts";
import type { InventoryRow, Product, StockRowChanges } from "../api/types.ts";
import { FormAlert } from "../components/form-alert.tsx";
import { SelectField } from "../components/select-field.tsx";
import { TextField } from "../components/text-field.tsx";
import { FormActions } from "../forms/form-actions.tsx";
import { parseNumberInput } from "../forms/parse-number-input.ts";
import { useFormSubmission } from "../forms/use-form-submission.ts";

const fields = ["product_id", "quantity", "warehouse"] as const;

interface StockFormProps {
  /** The stock row to edit; a new one is created when absent. */
  row?: InventoryRow | undefined;
  /** Products that may get a new stock row (those without one). */
  productsWithoutStock: readonly Product[];
  initialProductId?: number | undefined;
  onSaved: (row: InventoryRow) => void;
  onCancel: () => void;
}

export function StockForm(props: StockFormProps) {
  const { row, productsWithoutStock, onSaved, onCancel } = props;
  const firstChoice = props.initialProductId ?? productsWithoutStock[0]?.id;
  const [productId, setProductId] = useState(firstChoice === undefined ? "" : String(firstChoice));
  const [quantity, setQuantity] = useState(row ? String(row.quantity) : "");
  const [warehouse, setWarehouse] = useState(row?.warehouse ?? "");
  const { errors, busy, submit } = useFormSubmission(fields);

  const onSubmit = (event: Event) => {
    event.preventDefault();
    const changes: StockRowChanges = {
      quantity: parseNumberInput(quantity),
      warehouse: warehouse.trim(),
    };
    void submit(async () => {
      onSaved(
        row
          ? await updateStockRow(row.id, changes)
          : await createStockRow({ product_id: Number(productId), ...changes }),
      );
    });
  };

  return (
    <form class="dialog-form" noValidate onSubmit={onSubmit}>
      {!row && (
        <SelectField
          id="stock-product"
          label="Product"
          value={productId}
          options={productsWithoutStock.map((product) => ({
            value: String(product.id),
            label: product.name,
          }))}
          onValue={setProductId}
          required
          error={errors.fields.product_id}
        />
      )}
      <TextField
        id="stock-quantity"
        label="Quantity"
        inputMode="numeric"
        value={quantity}
        onValue={setQuantity}
        required
        autoFocus={Boolean(row) || props.initialProductId !== undefined}
        error={errors.fields.quantity}
      />
      <TextField
        id="stock-warehouse"
        label="Warehouse"
        value={warehouse}
        onValue={setWarehouse}
        error={errors.fields.warehouse}
      />
      <FormAlert messages={errors.general} />
      <FormActions
        busy={busy}
        submitLabel={row ? "Save changes" : "Add stock row"}
        onCancel={onCancel}
      />
    </form>
  );
}
