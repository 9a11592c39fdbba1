import { PublishCommand, type SNSClient } from "@aws-sdk/client-sns";
import type { StockEventSink } from "@stockwiz/core";

/**
 * Publishes each event to the topic as JSON, its kind as a message attribute so a subscription
 * can filter (only `out`, say). A standard topic does not keep order: events leave one at a time
 * in sequence per level, and a consumer orders by `sequence` and drops repeated `id`s (delivery
 * is at least once).
 */
export function snsStockEventSink(client: SNSClient, topicArn: string): StockEventSink {
  return {
    send: async (event) => {
      await client.send(
        new PublishCommand({
          TopicArn: topicArn,
          Message: JSON.stringify(event),
          MessageAttributes: {
            kind: { DataType: "String", StringValue: event.kind },
            product_id: { DataType: "Number", StringValue: String(event.product_id) },
          },
        }),
      );
    },
  };
}
