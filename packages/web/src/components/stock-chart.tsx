import { useState } from "preact/hooks";
import type { MergedProduct } from "../api/api-schemas.ts";
import { formatCount } from "../format/format-count.ts";
import { type StockBar, stockPerProduct, stockPerWarehouse } from "../stock/group-stock.ts";

type Grouping = "product" | "warehouse";

const MAX_BARS = 10;
const ROW_HEIGHT = 44;
// Bars are sized in percent of the chart width, so they shrink on a phone while the
// text keeps its size; each label sits above its bar so a long name never overlaps it.
const BAR_PERCENT = 85;

/** Units in stock per product or per warehouse, drawn as SVG by the page itself. */
export function StockChart({ products }: { products: readonly MergedProduct[] }) {
  const [grouping, setGrouping] = useState<Grouping>("product");
  const bars = (grouping === "product" ? stockPerProduct : stockPerWarehouse)(products).slice(
    0,
    MAX_BARS,
  );
  return (
    <section class="chart" aria-labelledby="chart-title">
      <div class="chart__header">
        <h2 id="chart-title">Stock per {grouping}</h2>
        <fieldset class="toggle">
          <legend class="visually-hidden">Group the chart by</legend>
          {(["product", "warehouse"] as const).map((option) => (
            <button
              key={option}
              type="button"
              aria-pressed={grouping === option}
              onClick={() => setGrouping(option)}
            >
              By {option}
            </button>
          ))}
        </fieldset>
      </div>
      {bars.length === 0 ? <p class="empty">No stock recorded yet.</p> : <BarChart bars={bars} />}
    </section>
  );
}

function BarChart({ bars }: { bars: readonly StockBar[] }) {
  const largest = Math.max(1, ...bars.map((bar) => bar.quantity));
  const description = bars.map((bar) => `${bar.label}: ${bar.quantity}`).join(", ");
  return (
    <svg
      class="chart__svg"
      role="img"
      aria-label={`Units in stock. ${description}`}
      width="100%"
      height={bars.length * ROW_HEIGHT}
    >
      {bars.map((bar, index) => {
        const y = index * ROW_HEIGHT;
        const width = (bar.quantity / largest) * BAR_PERCENT;
        return (
          <g key={bar.label}>
            <text x="0" y={y + 15} class="chart__label">
              {bar.label}
            </text>
            <rect x="0" y={y + 21} width={`${width}%`} height="16" rx="3" class="chart__bar" />
            <text x={`${width + 1}%`} y={y + 34} class="chart__value">
              {formatCount(bar.quantity)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
