import { startEmbeddedStack } from "./harness/embedded-stack.ts";
import { locationsContract } from "./suites/contract-locations.ts";

// The same through `npm start` on the embedded default: PGlite and the in-process cache.
locationsContract(async () => {
  const stack = await startEmbeddedStack();
  return { stack, stop: stack.stop };
});
