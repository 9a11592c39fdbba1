import { useState } from "preact/hooks";
import type { Location, StockLevel, Transfer } from "../api/api-schemas.ts";
import { locationNameOf } from "../locations/location-name.ts";
import type { LoadedList } from "../state/use-loaded-list.ts";
import { StockLevelsTable } from "./stock-levels-table.tsx";
import { TransferForm } from "./transfer-form.tsx";

interface StockByLocationProps {
  productId: number;
  /** The product's levels, read again here after units moved. */
  levels: LoadedList<StockLevel>;
  locations: readonly Location[];
  /** Told after units moved, so that figures shown elsewhere follow. */
  onMoved: () => void;
}

/** A product's levels at each location, and the form that moves units between them. */
export function StockByLocation({ productId, levels, locations, onMoved }: StockByLocationProps) {
  const [moved, setMoved] = useState<string>();

  const afterTransfer = (transfer: Transfer) => {
    const nameOf = (id: number) => locationNameOf(locations, id);
    const { quantity, from_location_id, to_location_id } = transfer;
    setMoved(
      `Moved ${quantity} units from ${nameOf(from_location_id)} to ${nameOf(to_location_id)}.`,
    );
    void levels.reload();
    onMoved();
  };

  return (
    <section class="stock-by-location" aria-labelledby="stock-by-location-title">
      <h3 id="stock-by-location-title">Stock by location</h3>
      {levels.error && <p role="alert">Levels could not be loaded: {levels.error.message}</p>}
      {levels.items === undefined && !levels.error && <p class="empty">Loading levels…</p>}
      {levels.items && <StockLevelsTable levels={levels.items} />}
      <p class="notice" role="status">
        {moved ?? ""}
      </p>
      {levels.items && levels.items.length > 0 && (
        <TransferForm
          productId={productId}
          levels={levels.items}
          locations={locations}
          onMoved={afterTransfer}
        />
      )}
    </section>
  );
}
