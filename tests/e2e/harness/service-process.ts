import { type LaunchedProcess, launchNode } from "../../kit/process/launch.ts";

export type ServiceName = "api-gateway" | "product-service" | "inventory-service";

const entryPoints: Record<ServiceName, string> = {
  "api-gateway": "packages/api-gateway/src/server.ts",
  "product-service": "packages/product-service/src/server.ts",
  "inventory-service": "packages/inventory-service/src/server.ts",
};

export interface ServiceProcess extends LaunchedProcess {
  readonly name: ServiceName;
  /** `http://127.0.0.1:<port>`, no trailing slash. */
  readonly url: string;
}

/** Runs one service as its own process, as its container does: configured by the environment. */
export function spawnService(
  name: ServiceName,
  port: number,
  env: Record<string, string>,
): ServiceProcess {
  const started = launchNode(entryPoints[name], {
    name,
    env: { HOST: "127.0.0.1", PORT: String(port), ...env },
  });
  return { ...started, name, url: `http://127.0.0.1:${port}` };
}
