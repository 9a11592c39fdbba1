import { useEffect, useState } from "preact/hooks";
import type { StockMovement } from "../api/api-schemas.ts";
import { listStockMovements } from "../api/stockwiz-api.ts";
import { formatDateTime } from "../format/format-date-time.ts";

const SHOWN = 5;

/**
 * The latest changes of a stock row with their reasons. Shows nothing when
 * the server keeps no ledger or cannot give it: it is a help, not the task.
 */
export function StockHistory({ rowId }: { rowId: number }) {
  const [movements, setMovements] = useState<StockMovement[]>();
  useEffect(() => {
    let current = true;
    listStockMovements(rowId).then(
      (list) => current && Array.isArray(list) && setMovements(list.slice(-SHOWN).reverse()),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [rowId]);
  if (!movements || movements.length === 0) return null;
  return (
    <section class="stock-history" aria-labelledby="stock-history-title">
      <h3 id="stock-history-title">Latest changes</h3>
      <ul>
        {movements.map((movement) => (
          <li key={movement.id}>
            <span class={movement.delta < 0 ? "delta delta--out" : "delta delta--in"}>
              {movement.delta > 0 ? `+${movement.delta}` : `−${Math.abs(movement.delta)}`}
            </span>{" "}
            → {movement.quantity_after} · {movement.reason || "no reason given"} ·{" "}
            <time dateTime={movement.created_at}>{formatDateTime(movement.created_at)}</time>
          </li>
        ))}
      </ul>
    </section>
  );
}
