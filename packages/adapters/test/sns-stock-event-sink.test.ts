import { SNSClient } from "@aws-sdk/client-sns";
import type { StockEvent } from "@stockwiz/core";
import { HttpResponse, http } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { snsStockEventSink } from "../src/index.ts";

const topicArn = "arn:aws:sns:eu-west-1:123456789012:dev-stock-events";
const snsUrl = "https://sns.eu-west-1.amazonaws.com/";

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterAll(() => server.close());
afterEach(() => server.resetHandlers());

const event: StockEvent = {
  id: "42",
  level_id: 7,
  product_id: 3,
  location_id: 1,
  sequence: 2,
  kind: "out",
  available_before: 4,
  available_after: 0,
  low_stock_threshold: 10,
  occurred_at: "2026-11-29T18:00:00.000Z",
};

// SNS speaks the AWS query protocol: a form-encoded POST naming the Action, answered in XML.
const published = `<PublishResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/">
  <PublishResult><MessageId>m-1</MessageId></PublishResult>
  <ResponseMetadata><RequestId>r-1</RequestId></ResponseMetadata>
</PublishResponse>`;

const throttled = `<ErrorResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/">
  <Error><Type>Sender</Type><Code>Throttling</Code><Message>Rate exceeded</Message></Error>
  <RequestId>r-2</RequestId>
</ErrorResponse>`;

const client = () =>
  new SNSClient({
    region: "eu-west-1",
    credentials: { accessKeyId: "AKIDTEST", secretAccessKey: "test-secret" },
    maxAttempts: 1,
  });

describe("SNS stock event sink", () => {
  it("when an event is sent then it is published to the topic as JSON with its kind as a message attribute", async () => {
    const forms: URLSearchParams[] = [];
    server.use(
      http.post(snsUrl, async ({ request }) => {
        forms.push(new URLSearchParams(await request.text()));
        return HttpResponse.xml(published);
      }),
    );

    await snsStockEventSink(client(), topicArn).send(event);

    const form = forms[0];
    expect(forms).toHaveLength(1);
    expect(form?.get("Action")).toBe("Publish");
    expect(form?.get("TopicArn")).toBe(topicArn);
    expect(JSON.parse(form?.get("Message") ?? "")).toEqual(event);
    const attributes = Object.fromEntries(
      [1, 2].map((n) => [
        form?.get(`MessageAttributes.entry.${n}.Name`),
        form?.get(`MessageAttributes.entry.${n}.Value.StringValue`),
      ]),
    );
    expect(attributes).toEqual({ kind: "out", product_id: "3" });
  });

  it("when SNS refuses the publish then the send rejects, so the event stays undelivered", async () => {
    server.use(http.post(snsUrl, () => HttpResponse.xml(throttled, { status: 400 })));

    await expect(snsStockEventSink(client(), topicArn).send(event)).rejects.toThrow(
      "Rate exceeded",
    );
  });
});
