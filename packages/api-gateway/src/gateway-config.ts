import { cacheEnvSchema, serviceEnvSchema } from "@stockwiz/adapters";
import * as z from "zod";

const serviceUrl = z.url({ protocol: /^https?$/ });

export const gatewayLimitsEnvSchema = z.object({
  /** Requests per minute per client address; 0 turns the limit off (for benchmarks). */
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(0).default(6_000),
  /**
   * Proxies in front of the gateway that each append the address they saw to X-Forwarded-For:
   * 1 behind the ALB, so the limit counts the client and not the load balancer. 0: the socket's
   * address, the header ignored (nothing in front, or a proxy that does not append).
   */
  TRUST_PROXY_HOPS: z.coerce.number().int().min(0).max(5).default(0),
  /** The old switch trusted every hop, the client's own leftmost entries too: refused, not read. */
  TRUST_PROXY: z
    .never({
      error:
        "replaced by TRUST_PROXY_HOPS, the number of proxies in front that append to X-Forwarded-For (1 behind the ALB)",
    })
    .optional(),
});

export const gatewayEnvSchema = serviceEnvSchema(8000).extend({
  PRODUCT_SERVICE_URL: serviceUrl.default("http://localhost:8001"),
  INVENTORY_SERVICE_URL: serviceUrl.default("http://localhost:8002"),
  /** Longest wait for an upstream answer before the gateway says 504. */
  UPSTREAM_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(5_000),
  /** The dashboard's built files, shipped in the image; unset: packages/web/dist of this checkout. */
  STOCKWIZ_WEB_DIST: z.string().min(1).optional(),
  ...cacheEnvSchema.shape,
  ...gatewayLimitsEnvSchema.shape,
});
export type GatewayEnv = z.infer<typeof gatewayEnvSchema>;
