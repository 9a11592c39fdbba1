import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bundleLambdas } from "../../../scripts/bundle-services.ts";
import { type LocalAlb, openLocalAlb } from "../src/open-local-alb.ts";

// The local ALB in this process, on the bundled functions and one embedded data folder they
// share (each bundle has its own copy of the adapters: they must still meet on one database).

let alb: LocalAlb;

beforeAll(async () => {
  const outDir = mkdtempSync(path.join(tmpdir(), "stockwiz-local-alb-"));
  await bundleLambdas(undefined, outDir);
  Object.assign(process.env, {
    ALB_PORT: "0",
    PRODUCT_SERVICE_PORT: "0",
    INVENTORY_SERVICE_PORT: "0",
    LAMBDA_ARTEFACTS_DIR: path.join(outDir, "lambda"),
    STOCKWIZ_DATA_DIR: path.join(outDir, "data"),
    ALB_MULTI_VALUE_HEADERS: "inventory-service",
    LOG_LEVEL: "silent",
  });
  alb = await openLocalAlb();
});

afterAll(() => alb?.close());

const post = (url: string, body: unknown) =>
  fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });

describe("the local ALB", () => {
  it("when the gateway's /health is asked then both services answer it through their own listeners", async () => {
    const answer = await fetch(`${alb.url}/health`);

    expect(await answer.json()).toMatchObject({
      status: "healthy",
      downstream_services: { product_service: "healthy", inventory_service: "healthy" },
    });
  });

  it("when a product is created through the default rule then every function sees it in the one database", async () => {
    // POST /products (no slash) falls to the gateway, which forwards it to the product function.
    const created = (await (
      await post(`${alb.url}/products`, { name: "shared", price: 4 })
    ).json()) as {
      id: number;
    };
    await post(`${alb.url}/inventory`, { product_id: created.id, quantity: 3, warehouse: "W" });

    const merged = await fetch(`${alb.url}/api/products/${created.id}`);

    expect(merged.status).toBe(200);
    expect(await merged.json()).toMatchObject({ id: created.id, inventory: { quantity: 3 } });
  });

  it("when a target group has multi-value headers on then its answers still reach the client whole", async () => {
    const answer = await fetch(`${alb.url}/api/inventory/1`, {
      headers: { "x-request-id": "mv-2" },
    });

    expect(answer.status).toBe(200);
    expect(answer.headers.get("x-request-id")).toBe("mv-2");
    expect(await answer.json()).toMatchObject({ id: 1, product_id: 1 });
  });

  it("when a body is over Lambda's 1 MB then the ALB answers 413 itself", async () => {
    const answer = await post(`${alb.url}/api/products`, { name: "x".repeat(1_100_000), price: 1 });

    expect(answer.status).toBe(413);
  });
});
