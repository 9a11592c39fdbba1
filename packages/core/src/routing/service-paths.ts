/**
 * The one statement of which paths each service answers (CONTRACT.md §1): its own prefix and
 * the front door's `/api` one. The route tables are defined under these prefixes, the gateway
 * forwards under them, and the load balancer's rules send everything under them to the service
 * (`stacks/config/resource-names.ts`; infra-legacy's alb module is held to the same by the
 * parity test).
 */
export const servicePaths = {
  productService: { own: "/products", api: "/api/products" },
  inventoryService: { own: "/inventory", api: "/api/inventory" },
} as const;

export type ServiceWithPaths = keyof typeof servicePaths;
export type ServicePrefix<Service extends ServiceWithPaths> =
  (typeof servicePaths)[Service][keyof (typeof servicePaths)[Service]];

/** A listener rule's path patterns for a service: everything under both its prefixes. */
export function listenerPathPatterns(service: ServiceWithPaths): readonly string[] {
  const { own, api } = servicePaths[service];
  return [`${own}/*`, `${api}/*`];
}
