import { startE2eStack, stopAndExpectCleanExit } from "./harness/e2e-stack.ts";
import { locationsContract } from "./suites/contract-locations.ts";

// Stock by location (CONTRACT.md §9) through the services as separate processes, on the
// machine's PostgreSQL and Redis, as ECS runs them.
locationsContract(async () => {
  const stack = await startE2eStack();
  return { stack, stop: () => stopAndExpectCleanExit(stack) };
});
