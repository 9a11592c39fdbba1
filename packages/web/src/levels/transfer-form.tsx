import { useState } from "preact/hooks";
import type { Location, StockLevel, Transfer } from "../api/api-schemas.ts";
import { transferStock } from "../api/levels-api.ts";
import { FormAlert } from "../components/form-alert.tsx";
import { SelectField } from "../components/select-field.tsx";
import { TextField } from "../components/text-field.tsx";
import { useFormSubmission } from "../forms/use-form-submission.ts";
import { useIdempotentWrite } from "../forms/use-idempotent-write.ts";

const fields = ["from_location_id", "to_location_id", "quantity", "reason"] as const;

interface TransferFormProps {
  productId: number;
  /** Where the product is stocked: the places units can come from. */
  levels: readonly StockLevel[];
  /** Every location: the places units can go to. */
  locations: readonly Location[];
  onMoved: (transfer: Transfer) => void;
}

/**
 * Moves available units of one product between locations; a short source is the API's 409.
 * Its labels and title share no word with the adjust form's beside it ("Units", "Reason"), so
 * each label names one field of the dialog.
 */
export function TransferForm({ productId, levels, locations, onMoved }: TransferFormProps) {
  const [from, setFrom] = useState(String(levels[0]?.location_id ?? ""));
  const [to, setTo] = useState(() => {
    const other = locations.find((location) => String(location.id) !== from);
    return String(other?.id ?? "");
  });
  const [quantity, setQuantity] = useState("");
  const [reason, setReason] = useState("");
  const { errors, setErrors, busy, submit } = useFormSubmission(fields);
  const sendOnce = useIdempotentWrite();

  const onSubmit = (event: Event) => {
    event.preventDefault();
    const units = Number(quantity.trim());
    if (!Number.isInteger(units) || units <= 0) {
      setErrors({ fields: { quantity: "Enter a whole number of units above 0." }, general: [] });
      return;
    }
    const transfer = {
      product_id: productId,
      from_location_id: Number(from),
      to_location_id: Number(to),
      quantity: units,
      ...(reason.trim() ? { reason: reason.trim() } : {}),
    };
    void submit(async () => {
      onMoved(await sendOnce(transfer, (key) => transferStock(transfer, key)));
      setQuantity("");
      setReason("");
    });
  };

  return (
    <form class="inline-form" noValidate onSubmit={onSubmit} aria-labelledby="transfer-title">
      <h3 id="transfer-title">Transfer to another location</h3>
      <SelectField
        id="transfer-from"
        label="From"
        value={from}
        options={levels.map((level) => ({
          value: String(level.location_id),
          label: `${level.location} (${level.available} available)`,
        }))}
        onValue={setFrom}
        required
        error={errors.fields.from_location_id}
      />
      <SelectField
        id="transfer-to"
        label="To"
        value={to}
        options={locations.map((location) => ({
          value: String(location.id),
          label: location.name,
        }))}
        onValue={setTo}
        required
        error={errors.fields.to_location_id}
      />
      <TextField
        id="transfer-quantity"
        label="Quantity to move"
        inputMode="numeric"
        value={quantity}
        onValue={setQuantity}
        required
        error={errors.fields.quantity}
      />
      <TextField
        id="transfer-reason"
        label="Note"
        hint="Kept in the ledger as the reason for the move."
        value={reason}
        onValue={setReason}
        error={errors.fields.reason}
      />
      <FormAlert messages={errors.general} />
      <button type="submit" class="button--primary" disabled={busy} aria-busy={busy}>
        {busy ? "Moving…" : "Move units"}
      </button>
    </form>
  );
}
