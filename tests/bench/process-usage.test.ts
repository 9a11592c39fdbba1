import { describe, expect, it } from "vitest";
import { backendDatabase, cpuTimeMs } from "../../bench/lib/process-usage.ts";

describe("bench CPU counting", () => {
  it("when a process works then its CPU time grows, and the stores are counted by name", async () => {
    const before = await cpuTimeMs({ self: process.pid });
    // Spin until the kernel's own account (getrusage) shows 150 ms of CPU, however busy the host.
    const start = process.cpuUsage();
    while (Object.values(process.cpuUsage(start)).reduce((sum, us) => sum + us, 0) < 150_000);
    const after = await cpuTimeMs({ self: process.pid });
    // /proc counts in 10 ms ticks: 150 ms of CPU is at least 100 ms of them.
    expect((after.self ?? 0) - (before.self ?? 0)).toBeGreaterThanOrEqual(100);
    // The suite runs beside the machine's PostgreSQL and Redis (.ci/run starts them).
    expect(after).toHaveProperty("PostgreSQL");
    expect(after).toHaveProperty("Redis");
  });
});

describe("which PostgreSQL processes count", () => {
  it("when a backend serves the bench's database then it counts; another database's does not; the server's own always do", () => {
    const title = (text: string) => text.replaceAll(" ", "\0");
    expect(
      backendDatabase(title("postgres: 15/main: postgres stockwiz_bench_1 127.0.0.1(51234) idle")),
    ).toBe("stockwiz_bench_1");
    expect(backendDatabase("postgres: 15/main: postgres other_db [local] SELECT")).toBe("other_db");
    expect(backendDatabase("postgres: 15/main: walwriter")).toBeUndefined();
    expect(backendDatabase("postgres: 15/main: logical replication launcher")).toBeUndefined();
    expect(
      backendDatabase("/usr/lib/postgresql/15/bin/postgres\0-D\0/var/lib/postgresql/15/main"),
    ).toBeUndefined();
  });
});
