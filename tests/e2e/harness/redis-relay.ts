import { connect, createServer, type Server, type Socket } from "node:net";

/**
 * A TCP relay in front of the real Redis, one per service, so a test can take Redis away from
 * some services and give it back without touching the shared server.
 */
export interface RedisRelay {
  /** REDIS_URL for the service behind this relay. */
  readonly url: string;
  /** Drops every connection and refuses new ones, as a Redis outage would. */
  cut(): Promise<void>;
  /** Listens again on the same port; the service reconnects by itself. */
  restore(): Promise<void>;
  /** Whether Redis has answered this service since the last restore (it is connected again). */
  answeredSinceRestore(): boolean;
  isCut(): boolean;
  /** Bytes the service has sent to Redis so far: it grows when the service uses its cache. */
  bytesToRedis(): number;
  close(): Promise<void>;
}

const listen = (server: Server, port: number) =>
  new Promise<number>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve((server.address() as { port: number }).port));
  });

export async function startRedisRelay(redisUrl: string): Promise<RedisRelay> {
  const target = new URL(redisUrl);
  const sockets = new Set<Socket>();
  let answered = false;
  let sent = 0;
  const server = createServer((client) => {
    const upstream = connect(Number(target.port || 6379), target.hostname);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on("close", () => sockets.delete(socket));
      socket.on("error", () => {
        client.destroy();
        upstream.destroy();
      });
    }
    upstream.on("data", () => {
      answered = true;
    });
    client.on("data", (chunk: Buffer) => {
      sent += chunk.length;
    });
    client.pipe(upstream);
    upstream.pipe(client);
  });
  const port = await listen(server, 0);
  let listening = true;

  const stopListening = async () => {
    if (!listening) return;
    listening = false;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    for (const socket of sockets) socket.destroy();
    await closed;
  };

  return {
    url: `redis://127.0.0.1:${port}`,
    cut: stopListening,
    async restore() {
      answered = false;
      await listen(server, port);
      listening = true;
    },
    answeredSinceRestore: () => answered,
    isCut: () => !listening,
    bytesToRedis: () => sent,
    close: stopListening,
  };
}
