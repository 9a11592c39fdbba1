import { serveUntilSignal } from "@stockwiz/adapters";
import { openGateway } from "./open-gateway.ts";

/** The gateway's container entry: config, clients, app, listen, drain on SIGTERM. */
export async function startGateway(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const opened = await openGateway(env);
  await serveUntilSignal([opened], { onClose: opened.closeClients });
}
