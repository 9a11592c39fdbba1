import { runMain, startService } from "@stockwiz/adapters";
import { productServiceRoutes } from "@stockwiz/core";

runMain(() =>
  startService({ name: "product-service", defaultPort: 8001, routes: productServiceRoutes }),
);
