import { openService, type ServiceDefinition } from "./open-service.ts";
import { serveUntilSignal } from "./serve-until-signal.ts";

/** What a service container runs: config, stores, app, listen, drain on SIGTERM. */
export async function startService(
  service: ServiceDefinition,
  env: NodeJS.ProcessEnv = process.env,
): Promise<void> {
  const { app, listen, closeStores } = await openService(service, env);
  await serveUntilSignal(app, { ...listen, onClose: closeStores });
}
