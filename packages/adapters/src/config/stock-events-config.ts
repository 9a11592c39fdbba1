import * as z from "zod";

/** An SNS topic's ARN; its region is the region the client publishes in. */
const topicArn = z
  .string()
  .regex(/^arn:aws[a-z-]*:sns:[a-z0-9-]+:\d{12}:[\w-]+$/, "must be an SNS topic ARN");

/** Where stock events go: the stage's SNS topic in AWS; unset, the log (and GET /inventory/events). */
export const stockEventsEnvSchema = z.object({ STOCK_EVENTS_TOPIC_ARN: topicArn.optional() });

export interface StockEventsConfig {
  topicArn?: string;
}

export const stockEventsConfigOf = (
  env: z.infer<typeof stockEventsEnvSchema>,
): StockEventsConfig => ({ topicArn: env.STOCK_EVENTS_TOPIC_ARN });
