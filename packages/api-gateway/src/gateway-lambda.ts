import { type AlbHandler, albHandlerFor } from "@stockwiz/adapters";
import { openGateway } from "./open-gateway.ts";

export interface GatewayLambda {
  handler: AlbHandler;
  /** Lambda freezes and drops environments by itself; tests and the local ALB close them. */
  close(): Promise<void>;
}

/**
 * The gateway as an ALB→Lambda target (the listener's default action): the container's app,
 * built in the init phase. PRODUCT_SERVICE_URL and INVENTORY_SERVICE_URL must reach each service
 * directly: through the public listener, `GET /products` (no slash) falls to the default action,
 * this function, which would forward it to itself.
 */
export async function createGatewayLambda(
  env: NodeJS.ProcessEnv = process.env,
): Promise<GatewayLambda> {
  const { app, closeClients } = await openGateway(env);
  return {
    handler: await albHandlerFor(app),
    close: async () => {
      await app.close();
      await closeClients();
    },
  };
}
