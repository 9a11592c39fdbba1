import type { ECSClient } from "@aws-sdk/client-ecs";
import { describeAwsError } from "./aws-error.ts";
import type { Clock } from "./clock.ts";
import { ecsServiceApi } from "./ecs-service-api.ts";
import { formatStatus } from "./format-rollout.ts";
import { type DeployArgs, parseDeployArgs, usage } from "./parse-deploy-args.ts";
import { primaryDeployment, snapshotOf } from "./rollout-snapshot.ts";
import { waitForRollout } from "./wait-for-rollout.ts";

export interface DeployCommandDeps {
  readonly createClient: (region: string | undefined) => ECSClient;
  readonly clock: Clock;
  readonly out: (line: string) => void;
}

/** Runs one `deploy …` invocation and answers its exit code: 0 done, 1 failed, 2 misused. */
export async function runDeployCommand(
  argv: readonly string[],
  deps: DeployCommandDeps,
): Promise<number> {
  let args: DeployArgs;
  try {
    args = parseDeployArgs(argv);
  } catch (error) {
    deps.out(`${(error as Error).message}\n${usage}`);
    return 2;
  }
  const api = ecsServiceApi(deps.createClient(args.region), args);
  try {
    if (args.command === "status") {
      deps.out(formatStatus(snapshotOf(await api.describe())));
      return 0;
    }
    let deploymentId: string | undefined;
    if (args.command === "redeploy") {
      deploymentId = primaryDeployment(snapshotOf(await api.forceNewDeployment()))?.id;
      deps.out(`forced a new deployment of ${args.service}: ${deploymentId ?? "id not reported"}`);
    }
    const outcome = await waitForRollout({
      api,
      clock: deps.clock,
      pollIntervalMs: args.pollIntervalMs,
      timeoutMs: args.timeoutMs,
      report: deps.out,
      ...(deploymentId === undefined ? {} : { deploymentId }),
    });
    if (!outcome.ok) {
      deps.out(`rollout of ${args.service} failed: ${outcome.reason}`);
      return 1;
    }
    deps.out(`rollout of ${args.service} completed: ${outcome.deploymentId}`);
    return 0;
  } catch (error) {
    deps.out(`deploy ${args.command} failed: ${describeAwsError(error)}`);
    return 1;
  }
}
