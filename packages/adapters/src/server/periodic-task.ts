import type { ServiceDeps, StockEventSink } from "@stockwiz/core";
import type { Logger } from "../logger.ts";

/** What a task may use beyond the stores, made once per opened service from its configuration. */
export interface PeriodicTaskContext {
  logger: Logger;
  stockEventSink: StockEventSink;
}

/** Housekeeping a long-running service does on its own (a container, not a Lambda target). */
export interface PeriodicTask {
  name: string;
  everyMs: number;
  run(deps: ServiceDeps, context: PeriodicTaskContext): Promise<unknown>;
}

/**
 * Runs the task every `everyMs`, never two runs at once; a failure is logged and the next run
 * tries again. The timer does not keep the process alive. Answers the function that stops it.
 */
export function startPeriodicTask(
  task: PeriodicTask,
  deps: ServiceDeps,
  context: PeriodicTaskContext,
): () => void {
  let running = false;
  const timer = setInterval(async () => {
    if (running) return;
    running = true;
    await runPeriodicTask(task, deps, context);
    running = false;
  }, task.everyMs);
  timer.unref();
  return () => clearInterval(timer);
}

/** One run of the task; a failure is logged, and the next run tries again. */
export async function runPeriodicTask(
  task: PeriodicTask,
  deps: ServiceDeps,
  context: PeriodicTaskContext,
): Promise<void> {
  try {
    await task.run(deps, context);
  } catch (error) {
    context.logger.warn({ err: error, task: task.name }, "periodic task failed");
  }
}
