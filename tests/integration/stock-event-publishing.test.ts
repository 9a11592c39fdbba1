import { openService } from "@stockwiz/adapters";
import { inventoryService } from "@stockwiz/inventory-service";
import { HttpResponse, http } from "msw";
import { setupServer } from "msw/node";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

// Issue 17, wired: an inventory service opened with STOCK_EVENTS_TOPIC_ARN (as its ECS task is)
// publishes a level's crossing to that topic after the commit, on its own. SNS is mocked: it
// is what is remote.

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

describe("stock events published by the inventory service", () => {
  it("when a level runs out through the API then its out event reaches the stage's topic", async () => {
    const messages: Record<string, unknown>[] = [];
    const published = new Promise<void>((resolve) =>
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
    const { app, closeStores } = await openService(inventoryService, {
      STOCKWIZ_DATA_DIR: "memory://",
      STOCK_EVENTS_TOPIC_ARN: topicArn,
      LOG_LEVEL: "silent",
    });

    try {
      // Seeded: product 5, 100 units at Warehouse B (location 2), threshold 10.
      const emptied = await app.inject({
        method: "POST",
        url: "/inventory/levels/adjust",
        payload: { product_id: 5, location_id: 2, delta: -100 },
      });
      expect(emptied.statusCode).toBe(200);
      await published;
    } finally {
      await app.close();
      await closeStores();
    }

    expect(messages).toEqual([
      expect.objectContaining({ product_id: 5, location_id: 2, kind: "out", sequence: 1 }),
    ]);
  });
});
