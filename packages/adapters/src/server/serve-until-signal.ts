import closeWithGrace from "close-with-grace";
import type { FastifyInstance } from "fastify";

export interface ServeOptions {
  host: string;
  port: number;
  /** Closes pools after the server stopped taking requests. */
  onClose?: () => Promise<void>;
  /** Must stay under the task's stopTimeout so ECS never has to SIGKILL us. */
  drainMs?: number;
}

/**
 * Listens, and on SIGTERM/SIGINT stops accepting, lets in-flight requests finish, closes pools
 * and exits 0.
 */
export async function serveUntilSignal(app: FastifyInstance, options: ServeOptions): Promise<void> {
  closeWithGrace({ delay: options.drainMs ?? 10_000 }, async ({ signal, err }) => {
    if (err) app.log.error({ err }, "shutting down after a fatal error");
    else app.log.info({ signal }, "shutting down");
    await app.close();
    await options.onClose?.();
  });
  await app.listen({ host: options.host, port: options.port });
}
