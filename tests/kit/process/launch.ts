import { spawn } from "node:child_process";
import { createWriteStream } from "node:fs";
import { fileURLToPath } from "node:url";

export const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));

export interface ProcessExit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
}

export const describeExit = (exit: ProcessExit) =>
  exit.signal === null ? `exit code ${exit.code}` : `signal ${exit.signal}`;

export interface LaunchOptions {
  /** Names the process in errors. */
  readonly name: string;
  /**
   * Its environment: PATH, HOME and these only, so nothing of the test runner's leaks in;
   * with `inheritEnv`, this process's environment less `unset`, then these.
   */
  readonly env?: Readonly<Record<string, string>>;
  readonly inheritEnv?: { readonly unset?: readonly string[] };
  /** The repository root unless given. */
  readonly cwd?: string;
  /** Its own process group, signalled as one, so `npm start` stops with the node under it. */
  readonly processGroup?: boolean;
  /** Also written to this file, e.g. for CI to keep. */
  readonly logFile?: string;
  /** Keeps only the last characters of each stream, for processes that run long. */
  readonly keepLastChars?: number;
  /** How long `stop` waits after SIGTERM before SIGKILL. */
  readonly killAfterMs?: number;
}

export interface LaunchedProcess {
  readonly name: string;
  readonly pid: number;
  /** `performance.now()` at the spawn. */
  readonly startedAt: number;
  /** Settles once the process has exited and its output has been read to the end. */
  readonly exited: Promise<ProcessExit>;
  hasExited(): boolean;
  stdout(): string;
  stderr(): string;
  /** Both streams in the order they arrived. */
  output(): string;
  /** SIGTERM, then the exit; SIGKILL only past the grace bound. One SIGTERM however often called. */
  stop(): Promise<ProcessExit>;
}

/** Longer than the services' own 10 s drain, so a SIGKILL means one ignored SIGTERM. */
const defaultKillAfterMs = 20_000;

function environment(options: LaunchOptions): NodeJS.ProcessEnv {
  if (options.inheritEnv === undefined)
    return {
      PATH: process.env.PATH ?? "/usr/bin:/bin",
      HOME: process.env.HOME ?? "/tmp",
      ...options.env,
    };
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of options.inheritEnv.unset ?? []) delete env[name];
  return { ...env, ...options.env };
}

/** Starts a command with its output kept; the caller owns stopping it. */
export function launch(
  command: string,
  args: readonly string[],
  options: LaunchOptions,
): LaunchedProcess {
  const child = spawn(command, args, {
    cwd: options.cwd ?? repoRoot,
    env: environment(options),
    detached: options.processGroup ?? false,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const startedAt = performance.now();
  const streams = { stdout: "", stderr: "", output: "" };
  const keep = (text: string) =>
    options.keepLastChars === undefined ? text : text.slice(-options.keepLastChars);
  const log = options.logFile === undefined ? undefined : createWriteStream(options.logFile);
  for (const stream of ["stdout", "stderr"] as const) {
    child[stream].setEncoding("utf8").on("data", (chunk: string) => {
      streams[stream] = keep(streams[stream] + chunk);
      streams.output = keep(streams.output + chunk);
      log?.write(chunk);
    });
  }
  let done = false;
  const exited = new Promise<ProcessExit>((resolve) => {
    // 'close' rather than 'exit': by then stdout and stderr have been read to the end.
    child.once("close", (code, signal) => {
      done = true;
      log?.end();
      resolve({ code, signal });
    });
  });
  child.once("error", (error) => {
    streams.stderr += error.message;
    streams.output += error.message;
  });
  if (child.pid === undefined) throw new Error(`${options.name} did not start (${command})`);
  const pid = child.pid;
  const signal = (name: NodeJS.Signals) => {
    if (done) return;
    if (!options.processGroup) child.kill(name);
    else {
      try {
        process.kill(-pid, name);
      } catch (error) {
        // The group's last member left between the exit check and the signal.
        if ((error as NodeJS.ErrnoException).code !== "ESRCH") throw error;
      }
    }
  };
  let stopping: Promise<ProcessExit> | undefined;
  const stop = async () => {
    signal("SIGTERM");
    const timer = setTimeout(() => signal("SIGKILL"), options.killAfterMs ?? defaultKillAfterMs);
    try {
      return await exited;
    } finally {
      clearTimeout(timer);
    }
  };
  return {
    name: options.name,
    pid,
    startedAt,
    exited,
    hasExited: () => done,
    stdout: () => streams.stdout,
    stderr: () => streams.stderr,
    output: () => streams.output,
    // A second SIGTERM would cut a service's drain short.
    stop: () => (stopping ??= stop()),
  };
}

/** Runs a node entry point: TypeScript through tsx, a built `.mjs` file as it is. */
export const launchNode = (entry: string, options: LaunchOptions): LaunchedProcess =>
  launch(process.execPath, entry.endsWith(".ts") ? ["--import", "tsx", entry] : [entry], options);
