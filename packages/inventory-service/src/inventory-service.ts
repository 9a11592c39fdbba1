import { type ServiceDefinition, stockEventDeliveryTask } from "@stockwiz/adapters";
import { expireLapsedReservations, inventoryServiceRoutes } from "@stockwiz/core";

/** What both the container (server.ts) and the Lambda target (lambda.ts) run. */
export const inventoryService: ServiceDefinition = {
  name: "inventory-service",
  defaultPort: 8002,
  routes: inventoryServiceRoutes,
  // Containers (ECS, npm start) run these on their intervals; a Lambda target runs each once
  // after every write (createServiceLambda), and in the serverless stages a scheduled function
  // (periodic.ts) runs them in quiet stretches.
  periodicTasks: [
    // Marks lapsed reservations expired. Housekeeping only: reads and writes already treat a
    // reservation as expired from the instant of expires_at.
    {
      name: "expire lapsed reservations",
      everyMs: 30_000,
      run: (deps) => expireLapsedReservations(deps),
    },
    // Stock events leave the outbox (issue 17): to SNS with STOCK_EVENTS_TOPIC_ARN, else the log.
    stockEventDeliveryTask,
  ],
};
