import type { ServiceDefinition } from "@stockwiz/adapters";
import { productServiceRoutes } from "@stockwiz/core";

/** What both the container (server.ts) and the Lambda target (lambda.ts) run. */
export const productService: ServiceDefinition = {
  name: "product-service",
  defaultPort: 8001,
  routes: productServiceRoutes,
};
