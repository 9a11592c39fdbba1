import { cursorAfter } from "@stockwiz/core";
import type { E2eStack } from "./e2e-stack.ts";
import { type Answer, call } from "./http-client.ts";

/** One read, named by who answered and which path, so a stale one says where it came from. */
export interface Seen {
  label: string;
  answer: Answer;
}

export interface ReadPaths {
  /** `GET /api/products/{id}`: the gateway's and the product service's merged view. */
  merged: Seen[];
  /** `GET /products/{id}` on the gateway and on the product service. */
  product: Seen[];
  /** Every product list, both prefixes, both processes. */
  productLists: Seen[];
  /** `GET /api/products-full` on the gateway. */
  full: Seen[];
  stockById: Seen[];
  stockByProduct: Seen[];
  stockLists: Seen[];
}

export interface Subject {
  productId: number;
  /** The stock row's id, when the product has (or had) one. */
  stockId?: number;
}

async function readAll(bases: Record<string, string>, paths: string[]): Promise<Seen[]> {
  const urls = paths.flatMap((path) =>
    Object.entries(bases).map(([who, base]) => ({ label: `${who} ${path}`, url: base + path })),
  );
  // One at a time: the machine is small and the order of reads must not matter.
  const seen: Seen[] = [];
  for (const { label, url } of urls) seen.push({ label, answer: await call(url) });
  return seen;
}

/** Every way a client can read a product and its stock, through every process that answers. */
export async function readEveryPath(stack: E2eStack, subject: Subject): Promise<ReadPaths> {
  const products = { gateway: stack.gateway.url, "product service": stack.productService.url };
  const inventory = {
    gateway: stack.gateway.url,
    "inventory service": stack.inventoryService.url,
  };
  const { productId, stockId } = subject;
  return {
    merged: await readAll(products, [`/api/products/${productId}`]),
    product: await readAll(products, [`/products/${productId}`]),
    productLists: await readAll(products, [
      "/products",
      "/api/products",
      // the page that starts at this product
      `/products?limit=1&cursor=${cursorAfter(productId - 1)}`,
      `/api/products?limit=1&cursor=${cursorAfter(productId - 1)}`,
    ]),
    full: await readAll({ gateway: stack.gateway.url }, ["/api/products-full"]),
    stockById:
      stockId === undefined
        ? []
        : await readAll(inventory, [`/inventory/${stockId}`, `/api/inventory/${stockId}`]),
    stockByProduct: await readAll(inventory, [
      `/inventory/product/${productId}`,
      `/api/inventory/product/${productId}`,
    ]),
    stockLists: await readAll(inventory, [
      "/inventory",
      "/api/inventory",
      ...(stockId === undefined
        ? []
        : [
            `/inventory?limit=1&cursor=${cursorAfter(stockId - 1)}`,
            `/api/inventory?limit=1&cursor=${cursorAfter(stockId - 1)}`,
          ]),
    ]),
  };
}

/** Reads every path twice: the first read fills the cache, the second is served from it. */
export async function warmEveryPath(stack: E2eStack, subject: Subject): Promise<ReadPaths> {
  await readEveryPath(stack, subject);
  return readEveryPath(stack, subject);
}

/** The entry with this id in a list answer, or undefined when the list lacks it. */
export function entryWithId<T extends { id: number }>(seen: Seen, id: number): T | undefined {
  return (seen.answer.body as T[]).find((entry) => entry.id === id);
}
