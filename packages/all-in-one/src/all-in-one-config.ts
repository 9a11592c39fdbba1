import { portSchema } from "@stockwiz/adapters";
import * as z from "zod";

/**
 * The only variables the all-in-one reads itself: where its three parts listen. Everything else
 * is read by each part's own loader, as when it runs alone.
 */
export const allInOneEnvSchema = z.object({
  /** Loopback by default: `npm start` is a developer's stack. */
  HOST: z.string().min(1).default("127.0.0.1"),
  GATEWAY_PORT: portSchema.default(8000),
  PRODUCT_SERVICE_PORT: portSchema.default(8001),
  INVENTORY_SERVICE_PORT: portSchema.default(8002),
});
export type AllInOneEnv = z.infer<typeof allInOneEnvSchema>;

/**
 * Each part's environment: the process's own, less what the all-in-one decides, which is where
 * each part listens (PORT and HOST of a service alone) and where the gateway finds the services.
 */
export function partEnvironments(env: NodeJS.ProcessEnv, config: AllInOneEnv) {
  const at = (port: number) => ({ ...env, HOST: config.HOST, PORT: String(port) });
  const local = (port: number) => `http://127.0.0.1:${port}`;
  return {
    productService: at(config.PRODUCT_SERVICE_PORT),
    inventoryService: at(config.INVENTORY_SERVICE_PORT),
    gateway: {
      ...at(config.GATEWAY_PORT),
      PRODUCT_SERVICE_URL: local(config.PRODUCT_SERVICE_PORT),
      INVENTORY_SERVICE_URL: local(config.INVENTORY_SERVICE_PORT),
    },
  };
}
