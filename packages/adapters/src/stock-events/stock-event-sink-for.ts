import { SNSClient } from "@aws-sdk/client-sns";
import type { StockEventSink } from "@stockwiz/core";
import type { StockEventsConfig } from "../config/stock-events-config.ts";
import type { Logger } from "../logger.ts";
import { logStockEventSink } from "./log-stock-event-sink.ts";
import { snsStockEventSink } from "./sns-stock-event-sink.ts";

/** The stage's topic when one is configured (credentials from the task or function role), else the log. */
export function stockEventSinkFor(config: StockEventsConfig, logger: Logger): StockEventSink {
  if (config.topicArn === undefined) return logStockEventSink(logger);
  const region = config.topicArn.split(":")[3];
  // Bounded: a delivery holds its claim (a transaction) while it publishes, and a Lambda target
  // publishes before its answer returns.
  const client = new SNSClient({
    region,
    requestHandler: { connectionTimeout: 2_000, requestTimeout: 5_000 },
  });
  return snsStockEventSink(client, config.topicArn);
}
