import cluster from "node:cluster";

/**
 * Runs `serve` in `processes` processes that share its listening port (node:cluster: the
 * first process accepts connections and hands them round-robin to the others, which serve
 * them). With one, `serve` simply runs here.
 *
 * The first process serves nothing itself: it passes SIGTERM and SIGINT on to every worker,
 * waits for all of them to drain and exits 0. A worker that exits on its own (a fatal error,
 * a start-up failure) takes the others down and the process exits 1, so the orchestrator
 * replaces the task rather than running it at part strength.
 */
export async function serveInProcesses(
  processes: number,
  serve: () => Promise<void>,
): Promise<void> {
  if (processes <= 1 || cluster.isWorker) return serve();
  superviseWorkers(processes);
}

function superviseWorkers(processes: number): void {
  let stopping = false;
  let exitCode = 0;
  const workers = Array.from({ length: processes }, () => cluster.fork());
  const stopAll = (signal: NodeJS.Signals) => {
    stopping = true;
    for (const worker of workers) if (!worker.isDead()) worker.process.kill(signal);
  };
  for (const signal of ["SIGTERM", "SIGINT"] as const) process.on(signal, () => stopAll(signal));
  cluster.on("exit", (worker, code, signal) => {
    if (!stopping) {
      process.stderr.write(
        `worker ${worker.process.pid} exited (${signal ?? `code ${code}`}): stopping the others\n`,
      );
      exitCode = 1;
      stopAll("SIGTERM");
    }
    if (workers.every((each) => each.isDead())) process.exit(exitCode);
  });
}
