import { useState } from "preact/hooks";
import type { StockAdjustment, StockLevel, StockRow } from "../api/api-schemas.ts";
import { adjustStock } from "../api/stockwiz-api.ts";
import { FormAlert } from "../components/form-alert.tsx";
import { SelectField } from "../components/select-field.tsx";
import { TextField } from "../components/text-field.tsx";
import { useFormSubmission } from "../forms/use-form-submission.ts";
import { useIdempotentWrite } from "../forms/use-idempotent-write.ts";

const fields = ["delta", "reason", "location_id"] as const;

interface AdjustStockFormProps {
  row: StockRow;
  /** The product's levels: when there are several, the form asks at which location. */
  levels?: readonly StockLevel[] | undefined;
  onSaved: (row: StockRow) => void;
  onCancel: () => void;
}

/** Receives or removes units with a reason, rather than overwriting the quantity. */
export function AdjustStockForm({ row, levels = [], onSaved, onCancel }: AdjustStockFormProps) {
  const [amount, setAmount] = useState("");
  const [reason, setReason] = useState("");
  const [pickedLocation, setPickedLocation] = useState("");
  // One location is the legacy case: the API applies the change there without being told.
  const locationId = levels.length > 1 ? pickedLocation || String(levels[0]?.location_id) : "";
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
    const adjustment: StockAdjustment = {
      delta: removing ? -units : units,
      ...(reason.trim() ? { reason: reason.trim() } : {}),
      ...(locationId ? { location_id: Number(locationId) } : {}),
    };
    void submit(async () =>
      onSaved(
        await sendOnce({ row: row.id, adjustment }, (key) => adjustStock(row, adjustment, key)),
      ),
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
      {locationId && (
        <SelectField
          id="adjust-location"
          label="At location"
          value={locationId}
          options={levels.map((level) => ({
            value: String(level.location_id),
            label: `${level.location} (${level.on_hand} on hand)`,
          }))}
          onValue={setPickedLocation}
          required
          error={errors.fields.location_id}
        />
      )}
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
