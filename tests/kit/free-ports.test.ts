import { readFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { freePorts } from "./free-ports.ts";

describe("freePorts", () => {
  it("when ports are asked for twice then all are distinct, below the kernel's ephemeral range and bindable", async () => {
    const first = await freePorts(5);
    const second = await freePorts(5);
    const all = [...first, ...second];
    expect(new Set(all).size).toBe(10);
    for (const port of all) {
      expect(port).toBeGreaterThanOrEqual(10_000);
      expect(port).toBeLessThan(18_000);
    }
    const server = createServer();
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(second[0], "127.0.0.1", resolve);
    });
    await new Promise((resolve) => server.close(resolve));
  });

  it("when a port is handed out then it is reserved under this process's pid, so no other test process gets it", async () => {
    const [port] = await freePorts(1);
    const owner = readFileSync(join(tmpdir(), "stockwiz-test-ports", String(port)), "utf8");
    expect(Number(owner)).toBe(process.pid);
  });
});
