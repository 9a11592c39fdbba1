import { createServiceLambda } from "@stockwiz/adapters";
import { productServiceRoutes } from "@stockwiz/core";

export const handler = createServiceLambda("product-service", productServiceRoutes);
