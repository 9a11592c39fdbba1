import type { AnyRoute } from "@stockwiz/core";
import { type ApiDescriptionDeps, apiDescriptionRoute } from "./api-description-route.ts";
import { type CatalogueRouteDeps, catalogueRoute } from "./catalogue-route.ts";
import { type GatewayHealthDeps, gatewayHealthRoute } from "./health-route.ts";

export type GatewayRouteDeps = GatewayHealthDeps & CatalogueRouteDeps & ApiDescriptionDeps;

/**
 * What the gateway answers itself, as a route table like the services': validated by the same
 * zod schemas that describe them in /openapi.json. Everything else is forwarded to a service.
 */
export const gatewayRoutes: readonly AnyRoute<GatewayRouteDeps>[] = [
  gatewayHealthRoute,
  catalogueRoute,
  apiDescriptionRoute,
];
