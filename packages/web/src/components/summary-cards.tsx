import { formatCount } from "../format/format-count.ts";
import { LOW_STOCK_BELOW } from "../stock/stock-level.ts";
import type { StockSummary } from "../stock/summarize-stock.ts";

/** The three headline figures of the dashboard. */
export function SummaryCards({ summary }: { summary: StockSummary | undefined }) {
  const shown = (value: number | undefined) => (value === undefined ? "—" : formatCount(value));
  return (
    <section class="cards" aria-label="Summary">
      <Card label="Total products" value={shown(summary?.productCount)} testId="total-products" />
      <Card label="Units in stock" value={shown(summary?.unitsInStock)} testId="units-in-stock" />
      <Card
        label={`Low stock (under ${LOW_STOCK_BELOW})`}
        value={shown(summary?.lowStockCount)}
        testId="low-stock"
        warn={(summary?.lowStockCount ?? 0) > 0}
      />
    </section>
  );
}

interface CardProps {
  label: string;
  value: string;
  testId: string;
  warn?: boolean;
}

function Card({ label, value, testId, warn }: CardProps) {
  return (
    <div class={warn ? "card card--warn" : "card"} data-testid={testId}>
      <p class="card__label">{label}</p>
      <p class="card__value">{value}</p>
    </div>
  );
}
