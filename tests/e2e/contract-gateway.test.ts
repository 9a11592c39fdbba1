import { startE2eStack } from "./harness/e2e-stack.ts";
import { gatewayContract } from "./suites/contract-gateway.ts";

// The gateway contract through the services as separate processes, as ECS runs them.
gatewayContract(startE2eStack);
