import { inventoryServiceRoutes, openApiDocument, productServiceRoutes } from "@stockwiz/core";
import { gatewayRoutes } from "../routes/gateway-routes.ts";

const info = {
  title: "StockWiz API",
  version: "1.0.0",
  description: [
    "Product catalogue and stock. Every path answers the same through the gateway and through the service the load balancer routes it to. Errors are RFC 9457 problem details.",
    "",
    "`/products…` and `/inventory…` answer what `/api/products…` and `/api/inventory…` answer (except `GET /api/products/{id}`, the merged view); their operations carry the same names marked `Unprefixed`.",
    "",
    "Literal path segments win over parameters, and ids are digits only, so `/inventory/product/{product_id}` is never read as `/inventory/{id}/…`.",
  ].join("\n"),
};

const tags = [
  { name: "products", description: "The catalogue, and products merged with their stock" },
  { name: "inventory", description: "Stock rows, their adjustments and their ledger" },
  { name: "health", description: "For load balancers and monitors" },
  { name: "documentation", description: "This description" },
];

// The gateway counts every request but the load balancer's plain `GET /health`.
const rateLimited = {
  status: 429,
  description: "Too many requests from this client (the gateway's RATE_LIMIT_PER_MINUTE)",
};

/** What `/openapi.json` serves: the gateway's own routes, then both services' route tables. */
export const stockwizApiDocument = () =>
  openApiDocument([...gatewayRoutes, ...productServiceRoutes, ...inventoryServiceRoutes], info, {
    tags,
    everyRoute: [rateLimited],
  });

let documentText: string | undefined;

/** The document as JSON text, written when first asked: a Lambda's init does not pay for it. */
export const stockwizApiDocumentText = (): string =>
  (documentText ??= JSON.stringify(stockwizApiDocument()));
