import compress from "@fastify/compress";
import cors from "@fastify/cors";
import rateLimit from "@fastify/rate-limit";
import {
  corsPolicy,
  createHttpServer,
  GenerationCopies,
  type Logger,
  type RequestLogOptions,
  routeTablePlugin,
  type SharedCache,
} from "@stockwiz/adapters";
import { servicePaths } from "@stockwiz/core";
import { webDistDir } from "@stockwiz/web/dist-dir";
import type { FastifyInstance } from "fastify";
import { stockwizApiDocumentText } from "./api-description/stockwiz-api-document.ts";
import { wholeCatalogueBytes } from "./routes/catalogue-route.ts";
import { dashboardPages } from "./routes/dashboard-pages.ts";
import { gatewayRoutes } from "./routes/gateway-routes.ts";
import { proxyRoutes } from "./routes/proxy-routes.ts";
import { addHeaders, securityHeaders } from "./routes/security-headers.ts";
import { swaggerUi } from "./routes/swagger-ui.ts";
import { DownstreamCheck } from "./upstream/downstream-check.ts";
import { ResponseCopies } from "./upstream/response-copies.ts";
import type { UpstreamService } from "./upstream/upstream-service.ts";

const { productService: products, inventoryService: inventory } = servicePaths;

export interface GatewayDeps {
  cache: SharedCache;
  productService: UpstreamService;
  inventoryService: UpstreamService;
  logger: Logger;
  /**
   * The built dashboard to serve (STOCKWIZ_WEB_DIST: an image's or a function's copy); by default
   * this checkout's packages/web/dist, which `npm start` builds first (`npm run build:web`).
   */
  webDistDir?: string;
  /** Requests per minute per client; 0 or absent: no limit. */
  rateLimitPerMinute?: number;
  /** Proxies in front that append to X-Forwarded-For (1 behind the ALB); 0 or absent: none. */
  trustedProxyHops?: number;
  /** Which requests get a line; by default every one. */
  requestLog?: RequestLogOptions;
}

/** The front door: every path of the contract, CORS, gzip and request ids on each answer. */
export async function buildGatewayApp(deps: GatewayDeps): Promise<FastifyInstance> {
  const app = createHttpServer({
    logger: deps.logger,
    trustedProxyHops: deps.trustedProxyHops,
    requestLog: deps.requestLog,
  });
  const security = securityHeaders();
  addHeaders(app, security.everyAnswer);
  if (deps.rateLimitPerMinute) {
    // Keyed by request.ip: the client's address once the proxies in front are trusted.
    // The load balancer's health checks must never be throttled.
    await app.register(rateLimit, {
      max: deps.rateLimitPerMinute,
      timeWindow: 60_000,
      allowList: (request) => request.url === "/health",
      // Answers under the limit carry no x-ratelimit-* headers: three more headers to set and
      // check on every answer, for a limit no client is told about (the 429 says Retry-After).
      addHeadersOnExceeding: {
        "x-ratelimit-limit": false,
        "x-ratelimit-remaining": false,
        "x-ratelimit-reset": false,
      },
    });
  }
  await app.register(cors, corsPolicy);
  await app.register(compress, { encodings: ["gzip"] });
  await app.register(async function pages(documents) {
    addHeaders(documents, security.documents);
    await documents.register(dashboardPages, { distDir: deps.webDistDir ?? webDistDir });
    await documents.register(swaggerUi);
  });
  await app.register(
    routeTablePlugin(gatewayRoutes, {
      cache: deps.cache,
      wholeCatalogue: new GenerationCopies<Uint8Array>({
        maxBytes: 2 * wholeCatalogueBytes,
        ttlMs: 30_000,
        bytesOf: (bytes) => bytes.length,
        invalidations: deps.cache.invalidations,
      }),
      productService: deps.productService,
      inventoryService: deps.inventoryService,
      downstream: {
        product: new DownstreamCheck(deps.productService),
        inventory: new DownstreamCheck(deps.inventoryService),
      },
      apiDescription: stockwizApiDocumentText,
    }),
  );
  await app.register(
    proxyRoutes(
      [
        { prefix: products.api, upstream: deps.productService, upstreamPrefix: products.own },
        // The merged view: the product service answers it from one query (CONTRACT.md §1).
        {
          prefix: products.api,
          upstream: deps.productService,
          upstreamPrefix: products.api,
          paths: ["/:id"],
          methods: ["GET"],
        },
        { prefix: products.own, upstream: deps.productService, upstreamPrefix: products.own },
        { prefix: inventory.api, upstream: deps.inventoryService, upstreamPrefix: inventory.own },
        { prefix: inventory.own, upstream: deps.inventoryService, upstreamPrefix: inventory.own },
      ],
      new ResponseCopies(deps.cache),
    ),
  );
  return app;
}
