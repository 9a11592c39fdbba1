import { connect, createServer, type Server, type Socket } from "node:net";

export interface TcpAddress {
  readonly host: string;
  readonly port: number;
}

/**
 * What a client sees while the relay is cut:
 * - `refuse`: the port is closed, so connecting fails at once (ECONNREFUSED), as when the
 *   server is down; open connections are dropped.
 * - `drop`: connections are accepted and closed straight away, as a server that dies on each
 *   one; open connections are dropped.
 * - `stall`: connections are accepted and nothing passes either way, as a hung server or a
 *   partition; open connections are held, and everything held is delivered on `restore`.
 */
export type CutMode = "refuse" | "drop" | "stall";

export interface TcpRelay {
  /** The loopback port clients connect to. */
  readonly port: number;
  /** Takes effect at once (a test may cut between two requests); settles once it is complete. */
  cut(mode: CutMode): Promise<void>;
  /** Back to relaying on the same port; the clients reconnect by themselves. */
  restore(): Promise<void>;
  isCut(): boolean;
  /** Writes relayed to the target so far: a test can see traffic under way, or a cache used. */
  chunksToTarget(): number;
  /** Whether the target has answered anything since the last restore (clients are back). */
  answeredSinceRestore(): boolean;
  close(): Promise<void>;
}

interface Link {
  readonly client: Socket;
  upstream?: Socket;
  /** Chunks held while stalled, delivered in order on restore. */
  readonly toTarget: Buffer[];
  readonly toClient: Buffer[];
}

const listen = (server: Server, port: number) =>
  new Promise<number>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => {
      server.off("error", reject);
      resolve((server.address() as { port: number }).port);
    });
  });

/**
 * A loopback TCP relay in front of a real server (PostgreSQL, Redis, a service), to take it
 * away and give it back in a test, or (with `delayMs`) to make every answer from it late.
 */
export async function startTcpRelay(
  target: TcpAddress,
  options: { delayMs?: number } = {},
): Promise<TcpRelay> {
  const links = new Set<Link>();
  let mode: CutMode | undefined;
  let answered = false;
  let chunks = 0;

  const drop = (link: Link) => {
    links.delete(link);
    link.client.destroy();
    link.upstream?.destroy();
  };
  const toTarget = (link: Link, chunk: Buffer) => {
    chunks += 1;
    link.upstream?.write(chunk);
  };
  const toClient = (link: Link, chunk: Buffer) => {
    answered = true;
    if (options.delayMs === undefined) link.client.write(chunk);
    else setTimeout(() => link.client.writable && link.client.write(chunk), options.delayMs);
  };
  const openUpstream = (link: Link) => {
    const upstream = connect(target.port, target.host);
    upstream.on("data", (chunk: Buffer) => {
      if (mode === "stall") link.toClient.push(chunk);
      else toClient(link, chunk);
    });
    // The target hung up: so does the client, after the answers still on their way.
    upstream.on("end", () => setTimeout(() => link.client.end(), options.delayMs ?? 0));
    upstream.on("error", () => drop(link));
    return upstream;
  };
  // Lets a link's traffic through: connects it to the target first if it was accepted stalled.
  const flow = (link: Link) => {
    link.upstream ??= openUpstream(link);
    for (const chunk of link.toTarget.splice(0)) toTarget(link, chunk);
    for (const chunk of link.toClient.splice(0)) toClient(link, chunk);
  };

  const server = createServer((client) => {
    if (mode === "drop" || mode === "refuse") {
      client.destroy();
      return;
    }
    const link: Link = { client, toTarget: [], toClient: [] };
    links.add(link);
    client.on("data", (chunk: Buffer) => {
      if (mode === "stall") link.toTarget.push(chunk);
      else toTarget(link, chunk);
    });
    client.on("end", () => (link.upstream === undefined ? drop(link) : link.upstream.end()));
    client.on("error", () => drop(link));
    client.on("close", () => links.delete(link));
    if (mode === undefined) flow(link);
  });
  const port = await listen(server, 0);

  const stopListening = () =>
    server.listening
      ? new Promise<void>((resolve) => server.close(() => resolve()))
      : Promise.resolve();

  return {
    port,
    async cut(how) {
      mode = how;
      if (how !== "stall") for (const link of links) drop(link);
      if (how === "refuse") await stopListening();
    },
    async restore() {
      if (mode === undefined) return;
      mode = undefined;
      answered = false;
      if (!server.listening) await listen(server, port);
      for (const link of links) flow(link);
    },
    isCut: () => mode !== undefined,
    chunksToTarget: () => chunks,
    answeredSinceRestore: () => answered,
    async close() {
      mode = "refuse";
      for (const link of links) drop(link);
      await stopListening();
    },
  };
}
