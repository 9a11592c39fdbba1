import closeWithGrace from "close-with-grace";
import type { FastifyInstance } from "fastify";

/** An app and its address, as openService and openGateway return them. */
export interface ServedApp {
  app: FastifyInstance;
  listen: { host: string; port: number };
}

export interface ServeOptions {
  /** Closes pools after every server stopped taking requests. */
  onClose?: () => Promise<void>;
  /** Must stay under the task's stopTimeout so ECS never has to SIGKILL us. */
  drainMs?: number;
}

/**
 * Listens, one app after another, and on SIGTERM/SIGINT closes them in the reverse order (the
 * last listed, the front door, stops taking requests first, while the services behind it finish
 * what it forwarded), lets in-flight requests finish, closes pools and exits 0.
 */
export async function serveUntilSignal(
  served: readonly ServedApp[],
  options: ServeOptions = {},
): Promise<void> {
  const log = served.at(-1)?.app.log;
  closeWithGrace({ delay: options.drainMs ?? 10_000 }, async ({ signal, err }) => {
    if (err) log?.error({ err }, "shutting down after a fatal error");
    else log?.info({ signal }, "shutting down");
    for (const { app } of served.toReversed()) await app.close();
    await options.onClose?.();
  });
  for (const { app, listen } of served) await app.listen(listen);
}
