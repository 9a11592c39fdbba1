import { createServiceLambda, openService } from "@stockwiz/adapters";
import { inventoryService } from "@stockwiz/inventory-service";
import { HttpResponse, http } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { singleValueEvent } from "../kit/alb-events.ts";

// Issue 17, wired: an inventory service opened with STOCK_EVENTS_TOPIC_ARN publishes a level's
// crossing to that topic after the commit: a container on its own, a Lambda target before the
// write's answer returns. SNS is mocked: it is what is remote.

const topicArn = "arn:aws:sns:eu-west-1:123456789012:dev-stock-events";
const server = setupServer();
beforeAll(() => {
  vi.stubEnv("AWS_ACCESS_KEY_ID", "AKIAIOSFODNN7EXAMPLE");
  vi.stubEnv("AWS_SECRET_ACCESS_KEY", "test-secret");
  server.listen({ onUnhandledRequest: "error" });
});
afterAll(() => {
  server.close();
  vi.unstubAllEnvs();
});

let messages: Record<string, unknown>[];
let published: Promise<void>;
beforeEach(() => {
  messages = [];
  published = new Promise<void>((resolve) =>
    server.use(
      http.post("https://sns.eu-west-1.amazonaws.com/", async ({ request }) => {
        const form = new URLSearchParams(await request.text());
        messages.push(JSON.parse(form.get("Message") ?? "{}"));
        resolve();
        return HttpResponse.xml(
          "<PublishResponse><PublishResult><MessageId>m-1</MessageId></PublishResult></PublishResponse>",
        );
      }),
    ),
  );
});
afterEach(() => server.resetHandlers());

const environment = {
  STOCKWIZ_DATA_DIR: "memory://",
  STOCK_EVENTS_TOPIC_ARN: topicArn,
  LOG_LEVEL: "silent",
};
// Seeded: product 5, 100 units at Warehouse B (location 2), threshold 10.
const emptyProductFive = { product_id: 5, location_id: 2, delta: -100 };
const outEventOfProductFive = expect.objectContaining({
  product_id: 5,
  location_id: 2,
  kind: "out",
  sequence: 1,
});

describe("stock events published by the inventory service", () => {
  it("when a level runs out through a container's API then its out event reaches the stage's topic", async () => {
    const { app, closeStores } = await openService(inventoryService, environment);

    try {
      const emptied = await app.inject({
        method: "POST",
        url: "/inventory/levels/adjust",
        payload: emptyProductFive,
      });
      expect(emptied.statusCode).toBe(200);
      await published;
    } finally {
      await app.close();
      await closeStores();
    }

    expect(messages).toEqual([outEventOfProductFive]);
  });

  it("when a level runs out through the Lambda target then its event is published before the answer returns", async () => {
    const lambda = await createServiceLambda(inventoryService, environment);

    try {
      const emptied = await lambda.handler(
        singleValueEvent({
          method: "POST",
          path: "/inventory/levels/adjust",
          headers: { "content-type": ["application/json"] },
          body: JSON.stringify(emptyProductFive),
        }),
      );
      expect(emptied.statusCode).toBe(200);
    } finally {
      await lambda.close();
    }

    expect(messages).toEqual([outEventOfProductFive]);
  });
});
