import type { ServiceDefinition } from "@stockwiz/adapters";
import { inventoryServiceRoutes } from "@stockwiz/core";

/** What both the container (server.ts) and the Lambda target (lambda.ts) run. */
export const inventoryService: ServiceDefinition = {
  name: "inventory-service",
  defaultPort: 8002,
  routes: inventoryServiceRoutes,
};
