import path from "node:path";

export interface FunctionWiring {
  artefactsDir: string;
  productServiceUrl: string;
  inventoryServiceUrl: string;
}

/**
 * What the stacks would set on the functions, for this machine. The three share one process and
 * so one environment; the variables each reads do not overlap (the gateway: upstream URLs,
 * dashboard folder, proxy hops; the services: their stores), so one environment serves all.
 * Variables already set win, except the upstream URLs: only the per-service listeners avoid the
 * loop through the default rule.
 */
export function functionEnvironment(
  env: NodeJS.ProcessEnv,
  wiring: FunctionWiring,
): Record<string, string> {
  return {
    PRODUCT_SERVICE_URL: wiring.productServiceUrl,
    INVENTORY_SERVICE_URL: wiring.inventoryServiceUrl,
    STOCKWIZ_WEB_DIST:
      env.STOCKWIZ_WEB_DIST || path.join(wiring.artefactsDir, "api-gateway", "web"),
    // A function is reached through the ALB only: its one hop appends the client's address.
    TRUST_PROXY_HOPS: env.TRUST_PROXY_HOPS || "1",
  };
}
