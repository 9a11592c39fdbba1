import { serveUntilSignal } from "@stockwiz/adapters";
import { openAllInOne } from "./open-all-in-one.ts";

/** `npm start`: the three parts listening, drained and closed on SIGTERM as each is alone. */
export async function startAllInOne(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const { parts, closeClients, url } = await openAllInOne(env);
  await serveUntilSignal(parts, { onClose: closeClients });
  parts.at(-1)?.app.log.info(`StockWiz is up: ${url}`);
}
