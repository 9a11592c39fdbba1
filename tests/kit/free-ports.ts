import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * Ports are handed out to processes that bind them a moment later (a service started by a test),
 * so between the check and the bind the port must be nobody else's. Two things could take it:
 * - the kernel, for any `listen(0)` or outgoing connection anywhere on the machine: the ports
 *   here are below the ephemeral range (32768 and up on Linux), which the kernel never picks;
 * - another test file picking the same port: each port is reserved by a file created
 *   exclusively in one folder shared by every process, held until this process exits.
 * Fixed ports used elsewhere (18000–18002 by the Postman runner, 28000–28002 by the browser
 * tests) stay outside the range.
 */
const lowest = 10_000;
const highest = 17_999;
const reservations = join(tmpdir(), "stockwiz-test-ports");
const held: string[] = [];

process.once("exit", () => {
  for (const file of held) rmSync(file, { force: true });
});

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
};

/** Creates the port's reservation file, or takes over one left by a process that died. */
function reserve(port: number): boolean {
  const file = join(reservations, String(port));
  try {
    const fd = openSync(file, "wx");
    writeSync(fd, String(process.pid));
    closeSync(fd);
    held.push(file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    const owner = Number(readFileSync(file, "utf8"));
    if (owner === process.pid || !Number.isInteger(owner) || owner <= 0 || isAlive(owner)) {
      return false;
    }
    rmSync(file, { force: true });
    return reserve(port);
  }
}

const bindable = (port: number) =>
  new Promise<boolean>((resolve) => {
    const server = createServer();
    server.once("error", () => resolve(false));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
  });

/** Ports nobody holds, each reserved for this process until it exits. */
export async function freePorts(count: number): Promise<number[]> {
  mkdirSync(reservations, { recursive: true });
  const ports: number[] = [];
  for (let attempt = 0; ports.length < count; attempt += 1) {
    if (attempt > 2_000) throw new Error(`no free port left in ${lowest}–${highest}`);
    const port = lowest + Math.floor(Math.random() * (highest - lowest + 1));
    if (ports.includes(port) || !reserve(port)) continue;
    if (await bindable(port)) ports.push(port);
  }
  return ports;
}
