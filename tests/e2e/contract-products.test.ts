import { startE2eStack } from "./harness/e2e-stack.ts";
import { productContract } from "./suites/contract-products.ts";

// The products contract through the services as separate processes, as ECS runs them.
productContract(startE2eStack);
