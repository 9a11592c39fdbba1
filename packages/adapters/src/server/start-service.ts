import { openService } from "./open-service.ts";
import { serveUntilSignal } from "./serve-until-signal.ts";
import type { ServiceDefinition } from "./service-config.ts";

/** What a service container runs: config, stores, app, listen, drain on SIGTERM. */
export async function startService(
  service: ServiceDefinition,
  env: NodeJS.ProcessEnv = process.env,
): Promise<void> {
  const opened = await openService(service, env);
  await serveUntilSignal([opened], { onClose: opened.closeStores });
}
