import { useState } from "preact/hooks";
import type { StockRow } from "../api/api-schemas.ts";
import { setLowStockThreshold } from "../api/stock-events-api.ts";
import { FormAlert } from "../components/form-alert.tsx";
import { TextField } from "../components/text-field.tsx";
import { parseNumberInput } from "../forms/parse-number-input.ts";
import { useFormSubmission } from "../forms/use-form-submission.ts";

const fields = ["low_stock_threshold"] as const;

/**
 * Sets the product's low-stock threshold: at or below it a level's available is low (a stock
 * event). The API does not say the current value, so the field starts empty.
 */
export function LowStockThresholdForm({ row }: { row: StockRow }) {
  const [threshold, setThreshold] = useState("");
  const [saved, setSaved] = useState<string>();
  const { errors, setErrors, busy, submit } = useFormSubmission(fields);

  const onSubmit = (event: Event) => {
    event.preventDefault();
    setSaved(undefined);
    const units = parseNumberInput(threshold);
    if (units === null) {
      setErrors({ fields: { low_stock_threshold: "Enter a number." }, general: [] });
      return;
    }
    void submit(async () => {
      const result = await setLowStockThreshold(row.id, units);
      setSaved(`Low-stock threshold set to ${result.low_stock_threshold}.`);
      setThreshold("");
    });
  };

  return (
    <form class="inline-form" noValidate onSubmit={onSubmit} aria-labelledby="threshold-title">
      <h3 id="threshold-title">Low-stock alert</h3>
      <TextField
        id="low-stock-threshold"
        label="Low-stock threshold"
        hint="With this many available or fewer, a location's stock is reported low. New products start at 10."
        inputMode="numeric"
        value={threshold}
        onValue={setThreshold}
        required
        error={errors.fields.low_stock_threshold}
      />
      <FormAlert messages={errors.general} />
      <p class="notice" role="status">
        {saved ?? ""}
      </p>
      <button type="submit" class="button--primary" disabled={busy} aria-busy={busy}>
        {busy ? "Saving…" : "Set threshold"}
      </button>
    </form>
  );
}
