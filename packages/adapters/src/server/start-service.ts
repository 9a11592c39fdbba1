import { openConfiguredService } from "./open-service.ts";
import { serveInProcesses } from "./serve-in-processes.ts";
import { serveUntilSignal } from "./serve-until-signal.ts";
import { loadServiceConfig, type ServiceDefinition } from "./service-config.ts";

/** What a service container runs: config, stores, app, listen, drain on SIGTERM. */
export async function startService(
  service: ServiceDefinition,
  env: NodeJS.ProcessEnv = process.env,
): Promise<void> {
  const config = loadServiceConfig(service, env);
  await serveInProcesses(config.processes, async () => {
    const opened = await openConfiguredService(config);
    await serveUntilSignal([opened], { onClose: opened.closeStores });
  });
}
