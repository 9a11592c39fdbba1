import { runMain, startService } from "@stockwiz/adapters";
import { inventoryService } from "./inventory-service.ts";

runMain(() => startService(inventoryService));
