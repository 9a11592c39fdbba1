import { type AddressInfo, connect, createServer, type Socket } from "node:net";

export interface TcpProxy {
  port: number;
  /** Writes relayed to the target so far: a test can wait for traffic to be under way. */
  readonly chunksToTarget: number;
  /** Drops every open connection and refuses new ones, as a dead server would. */
  cut(): void;
  restore(): void;
  close(): Promise<void>;
}

/**
 * A loopback TCP relay in front of a real server, to take it away and bring it back in a test,
 * or (with `delayMs`) to make every answer from it slow.
 */
export async function startTcpProxy(
  targetPort: number,
  options: { delayMs?: number } = {},
): Promise<TcpProxy> {
  const sockets = new Set<Socket>();
  let refusing = false;
  let chunksToTarget = 0;
  const server = createServer((client) => {
    if (refusing) {
      client.destroy();
      return;
    }
    const upstream = connect(targetPort, "127.0.0.1");
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on("close", () => sockets.delete(socket));
      socket.on("error", () => {
        client.destroy();
        upstream.destroy();
      });
    }
    client.pipe(upstream);
    client.on("data", () => {
      chunksToTarget += 1;
    });
    if (options.delayMs === undefined) upstream.pipe(client);
    else {
      const delayMs = options.delayMs;
      upstream.on("data", (chunk: Buffer) => {
        setTimeout(() => client.writable && client.write(chunk), delayMs);
      });
      upstream.on("end", () => setTimeout(() => client.end(), delayMs));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    port: (server.address() as AddressInfo).port,
    get chunksToTarget() {
      return chunksToTarget;
    },
    cut() {
      refusing = true;
      for (const socket of sockets) socket.destroy();
    },
    restore() {
      refusing = false;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
