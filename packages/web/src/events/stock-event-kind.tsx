import type { StockEvent } from "../api/api-schemas.ts";

// Written out in words; the colour only repeats what the words say.
const kindLabels: Record<StockEvent["kind"], string> = {
  out: "Out of stock",
  low: "Low stock",
  restocked: "Restocked",
};

/** What happened to the level, as a badge coloured like the stock levels it matches. */
export function StockEventKind({ kind }: { kind: StockEvent["kind"] }) {
  return (
    <span class={`badge badge--event-${kind}`} data-kind={kind}>
      {kindLabels[kind]}
    </span>
  );
}
