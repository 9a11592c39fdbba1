import { serveInProcesses, serveUntilSignal } from "@stockwiz/adapters";
import { loadGatewayConfig, openConfiguredGateway } from "./open-gateway.ts";

/** The gateway's container entry: config, clients, app, listen, drain on SIGTERM. */
export async function startGateway(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const config = loadGatewayConfig(env);
  await serveInProcesses(config.SERVER_PROCESSES, async () => {
    const opened = await openConfiguredGateway(config);
    await serveUntilSignal([opened], { onClose: opened.closeClients });
  });
}
