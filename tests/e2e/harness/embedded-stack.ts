import { ensureWebBuild } from "@stockwiz/web";
import { freePorts } from "../../kit/free-ports.ts";
import { launchNode } from "../../kit/process/launch.ts";
import { saysHealthy, waitForHealth } from "../../kit/process/wait-for-health.ts";
import type { ReachableStack } from "./e2e-stack.ts";

/**
 * `npm start` on the embedded default: no database or Redis configured, so one process runs the
 * three parts on PGlite (in memory here) and an in-process cache, each part on its own port.
 */
export async function startEmbeddedStack(): Promise<ReachableStack & { stop(): Promise<void> }> {
  await ensureWebBuild();
  const [gatewayPort, productPort, inventoryPort] = await freePorts(3);
  const process = launchNode("packages/all-in-one/src/main.ts", {
    name: "all-in-one (embedded)",
    env: {
      STOCKWIZ_DATA_DIR: "memory://",
      GATEWAY_PORT: String(gatewayPort),
      PRODUCT_SERVICE_PORT: String(productPort),
      INVENTORY_SERVICE_PORT: String(inventoryPort),
      LOG_LEVEL: "warn",
    },
  });
  const local = (port: number | undefined) => `http://127.0.0.1:${port}`;
  const stack = {
    gateway: { url: local(gatewayPort) },
    productService: { url: local(productPort) },
    inventoryService: { url: local(inventoryPort) },
    stop: async () => {
      await process.stop();
    },
  };
  try {
    await waitForHealth(process, stack.gateway.url, { ready: saysHealthy });
  } catch (error) {
    await process.stop();
    throw error;
  }
  return stack;
}
