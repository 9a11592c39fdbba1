import { useState } from "preact/hooks";
import type { Location, NewReservation, Product, Reservation } from "../api/api-schemas.ts";
import type { FormErrors } from "../api/form-errors.ts";
import { createReservation } from "../api/reservations-api.ts";
import { FormAlert } from "../components/form-alert.tsx";
import { TextField } from "../components/text-field.tsx";
import { parseNumberInput } from "../forms/parse-number-input.ts";
import { useFormSubmission } from "../forms/use-form-submission.ts";
import { useIdempotentWrite } from "../forms/use-idempotent-write.ts";
import { type ItemDraft, ReservationItemFields } from "./reservation-item-fields.tsx";

// Item errors (`items.0`: too few available) stay above the buttons, with the item's number.
const fields = ["expires_in_seconds", "reference"] as const;

const DEFAULT_EXPIRY_MINUTES = "15";

interface ReservationFormProps {
  products: readonly Product[];
  locations: readonly Location[];
  onReserved: (reservation: Reservation) => void;
}

/** Holds units of one or more products for a while; every item is held, or none. */
export function ReservationForm({ products, locations, onReserved }: ReservationFormProps) {
  const blankItem = (): ItemDraft => ({
    productId: String(products[0]?.id ?? ""),
    quantity: "",
    locationId: "",
  });
  const [items, setItems] = useState<ItemDraft[]>(() => [blankItem()]);
  const [minutes, setMinutes] = useState(DEFAULT_EXPIRY_MINUTES);
  const [reference, setReference] = useState("");
  const { errors, setErrors, busy, submit } = useFormSubmission(fields);
  const sendOnce = useIdempotentWrite();

  const changeItem = (index: number, changed: ItemDraft) =>
    setItems(items.map((item, at) => (at === index ? changed : item)));

  const onSubmit = (event: Event) => {
    event.preventDefault();
    const reservation = readReservation(items, minutes, reference);
    if ("fields" in reservation) {
      setErrors(reservation);
      return;
    }
    void submit(async () => {
      onReserved(await sendOnce(reservation, (key) => createReservation(reservation, key)));
      setItems([blankItem()]);
      setReference("");
    });
  };

  return (
    <form class="inline-form" noValidate onSubmit={onSubmit} aria-labelledby="reserve-title">
      <h3 id="reserve-title">Reserve units</h3>
      {items.map((item, index) => (
        <ReservationItemFields
          // Items have no identity but their place; their fields are controlled, so none is lost.
          key={index}
          index={index}
          item={item}
          products={products}
          locations={locations}
          onChange={(changed) => changeItem(index, changed)}
          onRemove={
            items.length > 1 ? () => setItems(items.filter((_, at) => at !== index)) : undefined
          }
        />
      ))}
      <button type="button" onClick={() => setItems([...items, blankItem()])}>
        Add another product
      </button>
      <TextField
        id="reservation-minutes"
        label="Expires in (minutes)"
        inputMode="numeric"
        value={minutes}
        onValue={setMinutes}
        error={errors.fields.expires_in_seconds}
      />
      <TextField
        id="reservation-reference"
        label="Reference"
        hint="For example: an order number."
        value={reference}
        onValue={setReference}
        error={errors.fields.reference}
      />
      <FormAlert messages={errors.general} />
      <button type="submit" class="button--primary" disabled={busy} aria-busy={busy}>
        {busy ? "Reserving…" : "Reserve"}
      </button>
    </form>
  );
}

/** The request the form describes, or what to fix first; the API checks the rest. */
function readReservation(
  items: readonly ItemDraft[],
  minutes: string,
  reference: string,
): NewReservation | FormErrors {
  const read: NewReservation["items"] = [];
  for (const [index, item] of items.entries()) {
    const quantity = Number(item.quantity.trim());
    if (!Number.isInteger(quantity) || quantity <= 0)
      return { fields: {}, general: [`Item ${index + 1}: enter a whole number of units above 0.`] };
    read.push({
      product_id: Number(item.productId),
      quantity,
      ...(item.locationId ? { location_id: Number(item.locationId) } : {}),
    });
  }
  const expiryMinutes = parseNumberInput(minutes);
  if (expiryMinutes === null) {
    const message = "Enter the minutes until the reservation expires.";
    return { fields: { expires_in_seconds: message }, general: [] };
  }
  return {
    items: read,
    expires_in_seconds: Math.round(expiryMinutes * 60),
    ...(reference.trim() ? { reference: reference.trim() } : {}),
  };
}
