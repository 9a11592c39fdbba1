import { createServiceLambda } from "@stockwiz/adapters";
import { inventoryServiceRoutes } from "@stockwiz/core";

export const handler = createServiceLambda("inventory-service", inventoryServiceRoutes);
