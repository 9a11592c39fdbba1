import type { ReachableStack } from "./e2e-stack.ts";

export type Via = "gateway" | "product-service" | "inventory-service";

/** One way a client's request can arrive: which process answers, and under which prefix. */
export interface Target {
  readonly label: string;
  readonly via: Via;
  readonly prefix: string;
}

/** The product paths as the ALB may route them (CONTRACT.md §1), plus the gateway's own. */
export const productTargets: readonly Target[] = [
  { label: "gateway /api/products", via: "gateway", prefix: "/api/products" },
  { label: "gateway /products", via: "gateway", prefix: "/products" },
  { label: "product service /products", via: "product-service", prefix: "/products" },
  { label: "product service /api/products", via: "product-service", prefix: "/api/products" },
];

export const inventoryTargets: readonly Target[] = [
  { label: "gateway /api/inventory", via: "gateway", prefix: "/api/inventory" },
  { label: "gateway /inventory", via: "gateway", prefix: "/inventory" },
  { label: "inventory service /inventory", via: "inventory-service", prefix: "/inventory" },
  { label: "inventory service /api/inventory", via: "inventory-service", prefix: "/api/inventory" },
];

/** Where `GET /api/products/{id}` (the merged view) may land through the ALB. */
export const mergedViewTargets: readonly Target[] = [
  { label: "gateway", via: "gateway", prefix: "/api/products" },
  { label: "product service", via: "product-service", prefix: "/api/products" },
];

export function baseUrl(stack: ReachableStack, via: Via): string {
  if (via === "gateway") return stack.gateway.url;
  return via === "product-service" ? stack.productService.url : stack.inventoryService.url;
}

export const urlOf = (stack: ReachableStack, target: Target, path = "") =>
  baseUrl(stack, target.via) + target.prefix + path;
