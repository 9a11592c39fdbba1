import { useState } from "preact/hooks";
import { ApiError } from "../api/api-error.ts";
import type { Product, StockRow, StockRowChanges } from "../api/api-schemas.ts";
import { createStockRow, getStockRow, updateStockRow } from "../api/stockwiz-api.ts";
import { FormAlert } from "../components/form-alert.tsx";
import { SelectField } from "../components/select-field.tsx";
import { TextField } from "../components/text-field.tsx";
import { FormActions } from "../forms/form-actions.tsx";
import { parseNumberInput } from "../forms/parse-number-input.ts";
import { useFormSubmission } from "../forms/use-form-submission.ts";

const fields = ["product_id", "quantity", "warehouse"] as const;

interface StockFormProps {
  /** The stock row to edit; a new one is created when absent. */
  row?: StockRow | undefined;
  /** Products that may get a new stock row (those without one). */
  productsWithoutStock: readonly Product[];
  initialProductId?: number | undefined;
  onSaved: (row: StockRow) => void;
  onCancel: () => void;
}

export function StockForm(props: StockFormProps) {
  const { row, productsWithoutStock, onSaved, onCancel } = props;
  const firstChoice = props.initialProductId ?? productsWithoutStock[0]?.id;
  const [productId, setProductId] = useState(firstChoice === undefined ? "" : String(firstChoice));
  const [quantity, setQuantity] = useState(row ? String(row.quantity) : "");
  const [warehouse, setWarehouse] = useState(row?.warehouse ?? "");
  const { errors, setErrors, busy, submit } = useFormSubmission(fields);
  // The row as last read: its version goes out as If-Match, so that a change someone made
  // meanwhile is refused (412) rather than overwritten.
  const [readRow, setReadRow] = useState(row);

  const onSubmit = (event: Event) => {
    event.preventDefault();
    const units = parseNumberInput(quantity);
    if (units === null) {
      setErrors({ fields: { quantity: "Enter a whole number of units." }, general: [] });
      return;
    }
    const changes: StockRowChanges = { quantity: units, warehouse: warehouse.trim() };
    void submit(async () => {
      if (!readRow) {
        onSaved(await createStockRow({ product_id: Number(productId), ...changes }));
        return;
      }
      try {
        onSaved(await updateStockRow(readRow, changes));
      } catch (error) {
        if (!(error instanceof ApiError && error.status === 412)) throw error;
        // Show what the row holds now, so that saving again is a choice made knowing it; when
        // it cannot be read either, the 412 itself is what the form reports.
        const current = await getStockRow(readRow.id).catch(() => Promise.reject(error));
        setReadRow(current);
        setErrors({ fields: {}, general: [changedMeanwhile(current)] });
      }
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

function changedMeanwhile(current: StockRow): string {
  const where = current.warehouse ? ` in ${current.warehouse}` : "";
  return (
    `Someone changed this stock row while you were editing it: it now holds ${current.quantity} units${where}. ` +
    "Your change was not saved. Save again to replace those figures with yours, or cancel."
  );
}
