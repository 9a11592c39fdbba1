import { type ServiceDefinition, stockEventDeliveryTask } from "@stockwiz/adapters";
import { expireLapsedReservations, inventoryServiceRoutes } from "@stockwiz/core";

/** What both the container (server.ts) and the Lambda target (lambda.ts) run. */
export const inventoryService: ServiceDefinition = {
  name: "inventory-service",
  defaultPort: 8002,
  routes: inventoryServiceRoutes,
  // Marks lapsed reservations expired. Housekeeping only: reads and writes already treat a
  // reservation as expired from the instant of expires_at. Containers (ECS, npm start) run it
  // here; in the serverless stages it belongs in a scheduled function (an EventBridge rule
  // every minute invoking a Lambda that calls expireLapsedReservations), not yet deployed.
  periodicTasks: [
    {
      name: "expire lapsed reservations",
      everyMs: 30_000,
      run: (deps) => expireLapsedReservations(deps),
    },
    // Stock events leave the outbox (issue 17): to SNS with STOCK_EVENTS_TOPIC_ARN, else the log.
    stockEventDeliveryTask,
  ],
};
