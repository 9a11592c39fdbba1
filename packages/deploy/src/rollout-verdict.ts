import type { DeploymentView, RolloutSnapshot } from "./rollout-snapshot.ts";

export type RolloutVerdict =
  | { readonly state: "in-progress" }
  | { readonly state: "completed" }
  | { readonly state: "failed"; readonly reason: string };

const inProgress: RolloutVerdict = { state: "in-progress" };

/**
 * Decides how the rollout of one deployment stands. The deployment is named by
 * id because a circuit-breaker rollback replaces it as PRIMARY with a new
 * deployment of the old task definition: following "whatever is PRIMARY" would
 * report that rollback as a success.
 */
export function judgeRollout(snapshot: RolloutSnapshot, deploymentId: string): RolloutVerdict {
  if (snapshot.serviceStatus !== "ACTIVE") {
    return failed(`service ${snapshot.serviceName} is ${snapshot.serviceStatus}`);
  }
  const followed = snapshot.deployments.find((d) => d.id === deploymentId);
  const primary = snapshot.deployments.find((d) => d.status === "PRIMARY");
  if (followed?.rolloutState === "FAILED") {
    const rolledBackTo = primary && primary.id !== deploymentId ? primary : undefined;
    return failed(
      [
        `deployment ${deploymentId} failed: ${followed.rolloutStateReason ?? "no reason given"}`,
        rolledBackTo ? `; rolled back to ${rolledBackTo.taskDefinition} (${rolledBackTo.id})` : "",
      ].join(""),
    );
  }
  if (followed === undefined) {
    return failed(
      `deployment ${deploymentId} is gone; the service now runs ${describe(primary)}, so it was rolled back or replaced`,
    );
  }
  if (followed.status !== "PRIMARY") {
    return failed(`deployment ${deploymentId} was superseded by ${describe(primary)}`);
  }
  return isSteady(snapshot, followed) ? { state: "completed" } : inProgress;
}

function isSteady(snapshot: RolloutSnapshot, primary: DeploymentView): boolean {
  if (primary.running !== primary.desired) return false;
  if (primary.rolloutState !== undefined) return primary.rolloutState === "COMPLETED";
  // Without a rollout state (e.g. a Classic Load Balancer), steady means what the
  // AWS CLI's services-stable waiter checks: one deployment, all tasks running.
  return snapshot.deployments.length === 1;
}

function describe(deployment: DeploymentView | undefined): string {
  return deployment ? `${deployment.taskDefinition} (${deployment.id})` : "no deployment";
}

function failed(reason: string): RolloutVerdict {
  return { state: "failed", reason };
}
