import type { StockEvent } from "./stock-event-schemas.ts";

/**
 * Where delivered events go (SNS in AWS, the log locally). `send` resolves once the event is
 * accepted; only then is it marked delivered, so a rejection or a crash means it is sent again.
 */
export interface StockEventSink {
  send(event: StockEvent): Promise<void>;
}
