import { randomUUID } from "node:crypto";
import { expect } from "vitest";
import type { ReachableStack } from "./e2e-stack.ts";
import { call } from "./http-client.ts";

export interface Product {
  id: number;
  name: string;
  description: string | null;
  price: number;
  category: string | null;
}

export interface Inventory {
  id: number;
  product_id: number;
  quantity: number;
  warehouse: string | null;
  last_updated: string;
}

/** Unique per call, so tests find their own rows among everyone else's. */
export const uniqueName = (what: string) => `e2e ${what} ${randomUUID().slice(0, 8)}`;

/** Arranges a product straight on the product service; the tests then read it any way. */
export async function createProduct(
  stack: ReachableStack,
  fields: Partial<Omit<Product, "id">> = {},
): Promise<Product> {
  const answer = await call(`${stack.productService.url}/products`, {
    method: "POST",
    body: {
      name: uniqueName("product"),
      description: "made by the e2e suite",
      price: 10.5,
      category: "E2E",
      ...fields,
    },
  });
  expect(answer.status, answer.text).toBe(201);
  return answer.body as Product;
}

/** Arranges the stock row of a product straight on the inventory service. */
export async function createStock(
  stack: ReachableStack,
  productId: number,
  fields: { quantity?: number; warehouse?: string } = {},
): Promise<Inventory> {
  const answer = await call(`${stack.inventoryService.url}/inventory`, {
    method: "POST",
    body: { product_id: productId, quantity: 7, warehouse: "Warehouse E2E", ...fields },
  });
  expect(answer.status, answer.text).toBe(201);
  return answer.body as Inventory;
}

export async function createProductWithStock(
  stack: ReachableStack,
  product: Partial<Omit<Product, "id">> = {},
  stock: { quantity?: number; warehouse?: string } = {},
): Promise<{ product: Product; stock: Inventory }> {
  const created = await createProduct(stack, product);
  return { product: created, stock: await createStock(stack, created.id, stock) };
}
