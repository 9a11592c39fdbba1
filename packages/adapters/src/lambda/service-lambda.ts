import type { AnyRoute, ServiceDeps } from "@stockwiz/core";
import type { ALBEvent, ALBResult } from "aws-lambda";
import { apiKeyEnvSchema, apiKeysOf } from "../config/api-key-config.ts";
import { parseEnv } from "../config/parse-env.ts";
import { storeEnvSchema } from "../config/store-config.ts";
import { createLogger } from "../logger.ts";
import { type OpenStores, openStores } from "../server/open-stores.ts";
import { createAlbHandler } from "./alb-handler.ts";

/**
 * A service as an ALB→Lambda target. Configuration is checked at load; the stores are opened
 * on the first event and kept for the life of the execution environment.
 */
export function createServiceLambda(
  name: string,
  routes: readonly AnyRoute<ServiceDeps>[],
  env: NodeJS.ProcessEnv = process.env,
): (event: ALBEvent) => Promise<ALBResult> {
  const storeEnv = parseEnv(storeEnvSchema, env);
  const apiKeys = apiKeysOf(parseEnv(apiKeyEnvSchema, env));
  const logger = createLogger({ level: env.LOG_LEVEL ?? "info", name });
  let stores: Promise<OpenStores> | undefined;
  const deps = async () => {
    stores ??= openStores(storeEnv, logger);
    return (await stores).deps;
  };
  return createAlbHandler(routes, deps, logger, { apiKeys });
}
