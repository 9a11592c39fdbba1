import { request } from "undici";
import { afterEach, describe, expect, it } from "vitest";
import { processTree } from "../../bench/lib/process-usage.ts";
import { freePorts } from "../kit/free-ports.ts";
import { pollUntil } from "../kit/poll-until.ts";
import { type LaunchedProcess, launchNode } from "../kit/process/launch.ts";
import { waitForHealth } from "../kit/process/wait-for-health.ts";

// The gateway in several processes (SERVER_PROCESSES), as a container may run it: one port,
// one process to signal, and no worker left behind whatever ends it.

let gateway: LaunchedProcess | undefined;
afterEach(async () => {
  await gateway?.stop();
  gateway = undefined;
});

/** The workers under the first process (they start none of their own). */
const workersOf = async (pid: number) => (await processTree(pid)).slice(1);

const isRunning = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function startGateway(processes: number) {
  const [port, closedPort] = await freePorts(2);
  const base = `http://127.0.0.1:${port}`;
  const started = launchNode("packages/api-gateway/src/server.ts", {
    name: "api-gateway",
    env: {
      HOST: "127.0.0.1",
      PORT: String(port),
      LOG_LEVEL: "warn",
      SERVER_PROCESSES: String(processes),
      // Nothing listens there: the gateway still answers /health, as "degraded".
      PRODUCT_SERVICE_URL: `http://127.0.0.1:${closedPort}`,
      INVENTORY_SERVICE_URL: `http://127.0.0.1:${closedPort}`,
    },
  });
  gateway = started;
  await waitForHealth(started, base, { ready: (answer) => answer.status === 200 });
  await pollUntil(
    `${processes} workers`,
    async () => (await workersOf(started.pid)).length === processes,
  );
  return { started, base, workers: await workersOf(started.pid) };
}

describe("the gateway in two processes", () => {
  it("when it runs then two workers share the port and answer on it", async () => {
    const { base, workers } = await startGateway(2);

    const answers = await Promise.all(
      Array.from({ length: 6 }, () =>
        request(`${base}/health`, { reset: true }).then(async (answer) => {
          await answer.body.dump();
          return answer.statusCode;
        }),
      ),
    );

    expect(workers).toHaveLength(2);
    expect(answers).toEqual(Array(6).fill(200));
  });

  it("when SIGTERM reaches the first process then every worker drains and it exits 0", async () => {
    const { started, workers } = await startGateway(2);

    const exit = await started.stop();

    expect(exit).toEqual({ code: 0, signal: null });
    expect(workers.filter(isRunning)).toEqual([]);
  });

  it("when a worker dies then the others stop and the process exits 1, for the task to be replaced", async () => {
    const { started, workers } = await startGateway(2);

    process.kill(workers[0] as number, "SIGKILL");
    const exit = await started.exited;

    expect(exit).toEqual({ code: 1, signal: null });
    expect(started.stderr()).toMatch(/exited \(SIGKILL\): stopping the others/);
    await pollUntil("the other worker to exit", () => !isRunning(workers[1] as number));
  });
});
