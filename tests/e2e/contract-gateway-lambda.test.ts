import { startLambdaE2eStack } from "./harness/lambda-stack.ts";
import { gatewayContract } from "./suites/contract-gateway.ts";

// The same gateway contract through the bundled Lambda functions behind the local ALB.
gatewayContract(startLambdaE2eStack);
