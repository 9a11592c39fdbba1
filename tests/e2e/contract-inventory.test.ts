import { startE2eStack } from "./harness/e2e-stack.ts";
import { inventoryContract } from "./suites/contract-inventory.ts";

// The inventory contract through the services as separate processes, as ECS runs them.
inventoryContract(startE2eStack);
