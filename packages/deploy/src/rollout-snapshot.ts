import type { Deployment, Service, ServiceEvent } from "@aws-sdk/client-ecs";

/** One deployment of the service, reduced to what a person watching a rollout needs. */
export interface DeploymentView {
  readonly id: string;
  /** PRIMARY (the newest), ACTIVE (being replaced) or INACTIVE. */
  readonly status: string;
  /** `family:revision`, the tail of the task definition ARN. */
  readonly taskDefinition: string;
  /** IN_PROGRESS, COMPLETED or FAILED; absent on services that do not report it. */
  readonly rolloutState: string | undefined;
  readonly rolloutStateReason: string | undefined;
  readonly running: number;
  readonly desired: number;
  readonly pending: number;
  readonly failedTasks: number;
}

export interface EventView {
  readonly id: string;
  readonly at: Date | undefined;
  readonly message: string;
}

/** What one DescribeServices answer says about a service's rollout. */
export interface RolloutSnapshot {
  readonly serviceName: string;
  /** ACTIVE, DRAINING or INACTIVE. */
  readonly serviceStatus: string;
  readonly running: number;
  readonly desired: number;
  readonly pending: number;
  /** The PRIMARY deployment first, then the older ones. */
  readonly deployments: readonly DeploymentView[];
  /** Newest first, as ECS lists them. */
  readonly events: readonly EventView[];
}

export function snapshotOf(service: Service): RolloutSnapshot {
  const deployments = (service.deployments ?? []).map(viewOfDeployment);
  return {
    serviceName: service.serviceName ?? "unknown service",
    serviceStatus: service.status ?? "UNKNOWN",
    running: service.runningCount ?? 0,
    desired: service.desiredCount ?? 0,
    pending: service.pendingCount ?? 0,
    deployments: [
      ...deployments.filter((d) => d.status === "PRIMARY"),
      ...deployments.filter((d) => d.status !== "PRIMARY"),
    ],
    events: (service.events ?? []).map(viewOfEvent),
  };
}

export function primaryDeployment(snapshot: RolloutSnapshot): DeploymentView | undefined {
  return snapshot.deployments.find((d) => d.status === "PRIMARY");
}

function viewOfDeployment(deployment: Deployment): DeploymentView {
  return {
    id: deployment.id ?? "unknown deployment",
    status: deployment.status ?? "UNKNOWN",
    taskDefinition: shortTaskDefinition(deployment.taskDefinition),
    rolloutState: deployment.rolloutState,
    rolloutStateReason: deployment.rolloutStateReason,
    running: deployment.runningCount ?? 0,
    desired: deployment.desiredCount ?? 0,
    pending: deployment.pendingCount ?? 0,
    failedTasks: deployment.failedTasks ?? 0,
  };
}

function viewOfEvent(event: ServiceEvent): EventView {
  return { id: event.id ?? "", at: event.createdAt, message: event.message ?? "" };
}

function shortTaskDefinition(arn: string | undefined): string {
  if (arn === undefined) return "unknown";
  return arn.slice(arn.lastIndexOf("/") + 1);
}
