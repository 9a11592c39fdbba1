import { runMain, startService } from "@stockwiz/adapters";
import { inventoryServiceRoutes } from "@stockwiz/core";

runMain(() =>
  startService({ name: "inventory-service", defaultPort: 8002, routes: inventoryServiceRoutes }),
);
