import type { StockEventSink } from "@stockwiz/core";
import type { Logger } from "../logger.ts";

/** Without a topic (locally) an event is a log line; the dashboard reads GET /inventory/events. */
export function logStockEventSink(logger: Logger): StockEventSink {
  return {
    send: async (event) => {
      logger.info({ stockEvent: event }, `stock ${event.kind}: product ${event.product_id}`);
    },
  };
}
