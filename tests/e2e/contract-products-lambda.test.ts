import { startLambdaE2eStack } from "./harness/lambda-stack.ts";
import { productContract } from "./suites/contract-products.ts";

// The same products contract through the bundled Lambda functions behind the local ALB.
productContract(startLambdaE2eStack);
