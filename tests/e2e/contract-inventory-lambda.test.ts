import { startLambdaE2eStack } from "./harness/lambda-stack.ts";
import { inventoryContract } from "./suites/contract-inventory.ts";

// The same inventory contract through the bundled Lambda functions behind the local ALB.
inventoryContract(startLambdaE2eStack);
