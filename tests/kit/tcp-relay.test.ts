import { once } from "node:events";
import { type AddressInfo, connect, createServer, type Server, type Socket } from "node:net";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startTcpRelay, type TcpRelay } from "./tcp-relay.ts";

// The relay's cut modes against a loopback echo server: what a client sees in each.

let echo: Server;
let relay: TcpRelay;
let accepted = 0;
const clients = new Set<Socket>();

beforeEach(async () => {
  accepted = 0;
  echo = createServer((socket) => {
    accepted += 1;
    socket.pipe(socket);
  });
  await new Promise<void>((resolve) => echo.listen(0, "127.0.0.1", resolve));
  relay = await startTcpRelay({ host: "127.0.0.1", port: (echo.address() as AddressInfo).port });
});

afterEach(async () => {
  for (const client of clients) client.destroy();
  clients.clear();
  await relay.close();
  await new Promise<void>((resolve) => echo.close(() => resolve()));
});

/** A client of the relay, connected (or refused: the error is the answer). */
async function connectToRelay(): Promise<Socket> {
  const client = connect(relay.port, "127.0.0.1");
  clients.add(client);
  await once(client, "connect");
  // A cut may reset it rather than end it: the tests look at the close, whichever it is.
  client.on("error", () => {});
  return client;
}

async function roundTrip(client: Socket, text: string): Promise<string> {
  const answer = once(client, "data");
  client.write(text);
  return String((await answer)[0]);
}

describe("a TCP relay", () => {
  it("when nothing is cut then bytes pass both ways and are counted", async () => {
    const client = await connectToRelay();

    expect(await roundTrip(client, "ping")).toBe("ping");
    expect(relay.chunksToTarget()).toBe(1);
    expect(relay.answeredSinceRestore()).toBe(true);
  });

  it("when cut with refuse then open connections end, new ones are refused, and restore listens on the same port", async () => {
    const open = await connectToRelay();
    const ended = once(open, "close");

    await relay.cut("refuse");

    await ended;
    await expect(connectToRelay()).rejects.toMatchObject({ code: "ECONNREFUSED" });
    expect(relay.isCut()).toBe(true);
    await relay.restore();
    expect(relay.answeredSinceRestore()).toBe(false);
    expect(await roundTrip(await connectToRelay(), "back")).toBe("back");
  });

  it("when cut with drop then connections are accepted and closed without an answer", async () => {
    const open = await connectToRelay();
    const ended = once(open, "close");

    await relay.cut("drop");

    await ended;
    const late = await connectToRelay();
    await once(late, "close");
    expect(relay.chunksToTarget()).toBe(0);
    await relay.restore();
    expect(await roundTrip(await connectToRelay(), "back")).toBe("back");
  });

  it("when cut with stall then what is sent meanwhile, on an open or a new connection, arrives on restore", async () => {
    const open = await connectToRelay();
    expect(await roundTrip(open, "before")).toBe("before");
    await relay.cut("stall");

    const late = await connectToRelay();
    const lateAnswer = once(late, "data");
    const openAnswer = once(open, "data");
    late.write("late");
    open.write("held");
    await relay.restore();

    expect(String((await lateAnswer)[0])).toBe("late");
    expect(String((await openAnswer)[0])).toBe("held");
    // The connection made while stalled was taken through to the target on restore.
    expect(accepted).toBe(2);
  });
});
