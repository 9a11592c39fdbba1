import type { Location, Product } from "../api/api-schemas.ts";
import { SelectField } from "../components/select-field.tsx";
import { TextField } from "../components/text-field.tsx";

/** One item of a reservation as typed: the form reads the numbers when it is sent. */
export interface ItemDraft {
  productId: string;
  quantity: string;
  /** Empty: any location, most available first. */
  locationId: string;
}

interface ReservationItemFieldsProps {
  index: number;
  item: ItemDraft;
  products: readonly Product[];
  locations: readonly Location[];
  onChange: (item: ItemDraft) => void;
  /** Absent for the only item: a reservation holds at least one. */
  onRemove?: (() => void) | undefined;
}

/** Product, units and optional location of one item of a reservation. */
export function ReservationItemFields(props: ReservationItemFieldsProps) {
  const { index, item, products, locations, onChange, onRemove } = props;
  const id = (field: string) => `reservation-item-${index}-${field}`;
  return (
    <fieldset class="reservation-item">
      <legend>Item {index + 1}</legend>
      <SelectField
        id={id("product")}
        label="Product"
        value={item.productId}
        options={products.map((product) => ({ value: String(product.id), label: product.name }))}
        onValue={(productId) => onChange({ ...item, productId })}
        required
      />
      <TextField
        id={id("quantity")}
        label="Units"
        inputMode="numeric"
        value={item.quantity}
        onValue={(quantity) => onChange({ ...item, quantity })}
        required
      />
      <SelectField
        id={id("location")}
        label="Location"
        value={item.locationId}
        options={[
          { value: "", label: "Any (most available first)" },
          ...locations.map((location) => ({ value: String(location.id), label: location.name })),
        ]}
        onValue={(locationId) => onChange({ ...item, locationId })}
      />
      {onRemove && (
        <button type="button" class="button--quiet" onClick={onRemove}>
          Remove item {index + 1}
        </button>
      )}
    </fieldset>
  );
}
