import { createPeriodicTasksLambda } from "@stockwiz/adapters";
import { inventoryService } from "./inventory-service.ts";

// The serverless stages' scheduled function: the reservation sweep and stock-event delivery.
export const { handler } = await createPeriodicTasksLambda(inventoryService);
