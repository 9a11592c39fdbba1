import { useState } from "preact/hooks";
import type { StockRow } from "../api/api-schemas.ts";
import { adjustStock } from "../api/stockwiz-api.ts";
import { FormAlert } from "../components/form-alert.tsx";
import { TextField } from "../components/text-field.tsx";
import { useFormSubmission } from "../forms/use-form-submission.ts";
import { useIdempotentWrite } from "../forms/use-idempotent-write.ts";

const fields = ["delta", "reason"] as const;

interface AdjustStockFormProps {
  row: StockRow;
  onSaved: (row: StockRow) => void;
  onCancel: () => void;
}

/** Receives or removes units with a reason, rather than overwriting the quantity. */
export function AdjustStockForm({ row, onSaved, onCancel }: AdjustStockFormProps) {
  const [amount, setAmount] = useState("");
  const [reason, setReason] = useState("");
  const { errors, setErrors, busy, submit } = useFormSubmission(fields);
  const sendOnce = useIdempotentWrite();

  const onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    const units = Number(amount.trim());
    if (!Number.isInteger(units) || units <= 0) {
      setErrors({ fields: { delta: "Enter a whole number of units above 0." }, general: [] });
      return;
    }
    const removing = (event.submitter as HTMLButtonElement | null)?.value === "remove";
    const delta = removing ? -units : units;
    const adjustment = { row: row.id, delta, reason: reason.trim() };
    void submit(async () =>
      onSaved(await sendOnce(adjustment, (key) => adjustStock(row, delta, adjustment.reason, key))),
    );
  };

  return (
    <form class="dialog-form" noValidate onSubmit={onSubmit}>
      <p class="dialog-form__context">
        Now in stock: <strong>{row.quantity}</strong>
        {row.warehouse ? ` in ${row.warehouse}` : ""}
      </p>
      <TextField
        id="adjust-amount"
        label="Units"
        inputMode="numeric"
        value={amount}
        onValue={setAmount}
        required
        autoFocus
        error={errors.fields.delta}
      />
      <TextField
        id="adjust-reason"
        label="Reason"
        hint="For example: delivery received, damaged, stock count."
        value={reason}
        onValue={setReason}
        error={errors.fields.reason}
      />
      <FormAlert messages={errors.general} />
      <div class="form-actions">
        <button type="button" class="button--quiet" onClick={onCancel}>
          Cancel
        </button>
        {/* First in order so that Enter adds rather than removes. */}
        <button type="submit" name="direction" value="add" class="button--primary" disabled={busy}>
          + Add units
        </button>
        <button type="submit" name="direction" value="remove" disabled={busy}>
          − Remove units
        </button>
      </div>
    </form>
  );
}
