import { formatCount } from "../format/format-count.ts";
import { stockLevelOf } from "../stock/stock-level.ts";

/** Quantity with its low/medium/high level; the level is written out, not only coloured. */
export function StockBadge({ quantity }: { quantity: number | undefined }) {
  if (quantity === undefined) return <span class="badge badge--none">No stock row</span>;
  const level = stockLevelOf(quantity);
  return (
    <span class={`badge badge--${level}`}>
      {formatCount(quantity)} <span class="badge__level">{level}</span>
    </span>
  );
}
