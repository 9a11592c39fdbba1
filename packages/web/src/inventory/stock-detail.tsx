import type { Location, StockRow } from "../api/api-schemas.ts";
import { listStockLevels } from "../api/levels-api.ts";
import { StockByLocation } from "../levels/stock-by-location.tsx";
import { useLoadedList } from "../state/use-loaded-list.ts";
import { AdjustStockForm } from "./adjust-stock-form.tsx";
import { LowStockThresholdForm } from "./low-stock-threshold-form.tsx";
import { StockHistory } from "./stock-history.tsx";

interface StockDetailProps {
  row: StockRow;
  locations: readonly Location[];
  onAdjusted: (row: StockRow) => void;
  /** Told after units moved between locations; the dialog stays open. */
  onMoved: () => void;
  onCancel: () => void;
}

/**
 * A product's stock: adjust it, its latest changes, its units at each location, and the
 * threshold below which it is reported low.
 */
export function StockDetail({ row, locations, onAdjusted, onMoved, onCancel }: StockDetailProps) {
  // Read once for both: the adjust form asks for a location only when there are several.
  const levels = useLoadedList(() => listStockLevels(row.product_id), String(row.product_id));
  return (
    <>
      <AdjustStockForm row={row} levels={levels.items} onSaved={onAdjusted} onCancel={onCancel} />
      <StockHistory rowId={row.id} />
      <StockByLocation
        productId={row.product_id}
        levels={levels}
        locations={locations}
        onMoved={onMoved}
      />
      <LowStockThresholdForm row={row} />
    </>
  );
}
