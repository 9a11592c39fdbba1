import { parseArgs } from "node:util";
import { parseDuration } from "./parse-duration.ts";

export const usage = `usage: deploy <wait|status|redeploy> --cluster NAME --service NAME [options]
  wait      follow the newest deployment until it completes; fail on FAILED, rollback or timeout
  status    print the service's deployments and recent events once
  redeploy  force a new deployment, then wait for it
options:
  --timeout DURATION   give up after this long (default 20m)
  --interval DURATION  time between two looks (default 15s)
  --region REGION      AWS region (default: from the environment)`;

export type DeployCommand = "wait" | "status" | "redeploy";

export interface DeployArgs {
  readonly command: DeployCommand;
  readonly cluster: string;
  readonly service: string;
  readonly timeoutMs: number;
  readonly pollIntervalMs: number;
  readonly region: string | undefined;
}

const commands: readonly string[] = ["wait", "status", "redeploy"];

/** Throws an Error whose message is meant for the user, to print above the usage. */
export function parseDeployArgs(argv: readonly string[]): DeployArgs {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      cluster: { type: "string" },
      service: { type: "string" },
      timeout: { type: "string", default: "20m" },
      interval: { type: "string", default: "15s" },
      region: { type: "string" },
    },
  });
  const [command, ...extra] = positionals;
  if (command === undefined || !commands.includes(command)) {
    throw new Error(`unknown command: ${command ?? "(none)"}`);
  }
  if (extra.length > 0) throw new Error(`unexpected arguments: ${extra.join(" ")}`);
  if (!values.cluster || !values.service) throw new Error("--cluster and --service are required");
  return {
    command: command as DeployCommand,
    cluster: values.cluster,
    service: values.service,
    timeoutMs: parseDuration(values.timeout),
    pollIntervalMs: parseDuration(values.interval),
    region: values.region,
  };
}
