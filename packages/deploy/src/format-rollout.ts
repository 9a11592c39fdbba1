import type { DeploymentView, EventView, RolloutSnapshot } from "./rollout-snapshot.ts";

/** One progress line: which deployment, its rollout state and task counts. */
export function formatProgress(
  snapshot: RolloutSnapshot,
  deploymentId: string,
  elapsedMs: number,
): string {
  const followed = snapshot.deployments.find((d) => d.id === deploymentId);
  const where = followed ? formatDeployment(followed) : `${deploymentId} (no longer listed)`;
  const draining = snapshot.deployments.filter((d) => d.status !== "PRIMARY").length;
  const older = draining > 0 ? `; ${draining} older deployment(s) still running` : "";
  return `[${formatElapsed(elapsedMs)}] ${where}${older}`;
}

/** The whole view printed by `deploy status`. */
export function formatStatus(snapshot: RolloutSnapshot, recentEvents = 5): string {
  return [
    `service ${snapshot.serviceName} (${snapshot.serviceStatus}): running ${snapshot.running}/${snapshot.desired}, pending ${snapshot.pending}`,
    "deployments:",
    ...snapshot.deployments.map((d) => `  ${d.status.padEnd(7)} ${formatDeployment(d)}`),
    "recent events:",
    ...snapshot.events.slice(0, recentEvents).map((e) => `  ${formatEvent(e)}`),
  ].join("\n");
}

export function formatEvent(event: EventView): string {
  return `${event.at?.toISOString() ?? "(no time)"} ${event.message}`;
}

function formatDeployment(d: DeploymentView): string {
  const reason = d.rolloutStateReason ? ` — ${d.rolloutStateReason}` : "";
  const failed = d.failedTasks > 0 ? `, failed tasks ${d.failedTasks}` : "";
  return `${d.id} ${d.taskDefinition} ${d.rolloutState ?? "no rollout state"}: running ${d.running}/${d.desired}, pending ${d.pending}${failed}${reason}`;
}

function formatElapsed(ms: number): string {
  const seconds = Math.floor(ms / 1000);
  return `${Math.floor(seconds / 60)}m${String(seconds % 60).padStart(2, "0")}s`;
}
