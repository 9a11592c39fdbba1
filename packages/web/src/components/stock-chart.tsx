import { useState } from "preact/hooks";
import type { ProductWithStock } from "../api/types.ts";
import { formatCount } from "../format/format-count.ts";
import { type StockBar, stockPerProduct, stockPerWarehouse } from "../stock/group-stock.ts";

type Grouping = "product" | "warehouse";

const MAX_BARS = 10;
const ROW_HEIGHT = 28;
// Horizontal layout in percent of the chart width, so bars shrink on a phone while text keeps its size.
const LABEL_PERCENT = 38;
const BAR_PERCENT = 48;

/** Units in stock per product or per warehouse, drawn as SVG by the page itself. */
export function StockChart({ products }: { products: readonly ProductWithStock[] }) {
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
            <text x="0" y={y + 18} class="chart__label">
              {shorten(bar.label)}
            </text>
            <rect
              x={`${LABEL_PERCENT}%`}
              y={y + 5}
              width={`${width}%`}
              height="18"
              rx="3"
              class="chart__bar"
            />
            <text x={`${LABEL_PERCENT + width + 1}%`} y={y + 18} class="chart__value">
              {formatCount(bar.quantity)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

function shorten(label: string): string {
  return label.length > 24 ? `${label.slice(0, 23)}…` : label;
}
