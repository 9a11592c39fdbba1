import { randomBytes } from "node:crypto";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { closeEmbeddedDatabases, createLogger, parseEnv } from "@stockwiz/adapters";
import {
  type AppServiceKey,
  appServiceKeys,
  resourceNames,
} from "../../../stacks/config/resource-names.ts";
import { createAlbListener, type LambdaTarget } from "./alb-listener.ts";
import { functionEnvironment } from "./function-environment.ts";
import {
  defaultArtefactsDir,
  ensureLambdaArtefacts,
  type FunctionName,
  importHandler,
} from "./lambda-artefacts.ts";
import { listenerRulesOf } from "./listener-rules.ts";
import { localAlbEnvSchema } from "./local-alb-config.ts";

export interface LocalAlb {
  /** The listener with the rules: what a client (or Postman) calls. */
  url: string;
  /** The per-service listeners the gateway's upstream URLs name. */
  productServiceUrl: string;
  inventoryServiceUrl: string;
  close(): Promise<void>;
}

const listen = (server: Server, host: string, port: number) =>
  new Promise<number>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve((server.address() as AddressInfo).port));
  });

const closeServer = (server: Server) =>
  new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });

// The stage's names give the target groups; only their ARNs' shape matters here.
const targetGroupArn = (targetGroup: string) =>
  `arn:aws:elasticloadbalancing:local:000000000000:targetgroup/${targetGroup}/${randomBytes(8).toString("hex")}`;

/**
 * The three bundled Lambda functions behind a local ALB, in this process: its listener applies
 * the stacks' rules (resource-names.ts), and each service has a listener of its own for the
 * gateway's upstream calls. The functions read process.env, as on Lambda.
 */
export async function openLocalAlb(): Promise<LocalAlb> {
  const config = parseEnv(localAlbEnvSchema, process.env);
  const logger = createLogger({ level: config.LOG_LEVEL, name: "local-alb" });
  const names = resourceNames("local");
  const ruleFor = listenerRulesOf(names);
  // Requests that arrive while the functions load wait for them, as for a cold start.
  let resolve: (targets: Record<AppServiceKey, LambdaTarget>) => void = () => {};
  let reject: (error: unknown) => void = () => {};
  const loaded = new Promise<Record<AppServiceKey, LambdaTarget>>((ok, fail) => {
    resolve = ok;
    reject = fail;
  });
  loaded.catch(() => {}); // a failed load is reported by this function's own rejection
  const targetOf = async (key: AppServiceKey) => (await loaded)[key];
  const onInvocationError = (error: unknown) =>
    logger.error({ err: error }, "the function failed: 502 Bad Gateway");
  const servers = {
    alb: createAlbListener((path) => targetOf(ruleFor(path)), onInvocationError),
    product: createAlbListener(() => targetOf("productService"), onInvocationError),
    inventory: createAlbListener(() => targetOf("inventoryService"), onInvocationError),
  };
  const close = async () => {
    await Promise.all(Object.values(servers).map(closeServer));
    await closeEmbeddedDatabases();
  };
  try {
    // The public port first: a second stack on this machine stops here, before it opens the
    // embedded data folder the first one holds.
    const albPort = await listen(servers.alb, config.HOST, config.ALB_PORT);
    const productPort = await listen(servers.product, config.HOST, config.PRODUCT_SERVICE_PORT);
    const inventoryPort = await listen(
      servers.inventory,
      config.HOST,
      config.INVENTORY_SERVICE_PORT,
    );
    const local = (port: number) => `http://127.0.0.1:${port}`;
    const artefactsDir = config.LAMBDA_ARTEFACTS_DIR ?? defaultArtefactsDir;
    if (config.LAMBDA_ARTEFACTS_DIR === undefined)
      await ensureLambdaArtefacts((line) => logger.info(line));
    Object.assign(
      process.env,
      functionEnvironment(process.env, {
        artefactsDir,
        productServiceUrl: local(productPort),
        inventoryServiceUrl: local(inventoryPort),
      }),
    );
    const targets: Partial<Record<AppServiceKey, LambdaTarget>> = {};
    // The services first: the gateway's init may already call them.
    for (const key of [...appServiceKeys].reverse()) {
      const { container, targetGroup } = names.appServices[key];
      targets[key] = {
        arn: targetGroupArn(targetGroup),
        multiValueHeaders: config.ALB_MULTI_VALUE_HEADERS.includes(container as FunctionName),
        invoke: await importHandler(artefactsDir, container as FunctionName),
      };
    }
    resolve(targets as Record<AppServiceKey, LambdaTarget>);
    return {
      url: local(albPort),
      productServiceUrl: local(productPort),
      inventoryServiceUrl: local(inventoryPort),
      close,
    };
  } catch (error) {
    reject(error);
    await close();
    throw error;
  }
}
