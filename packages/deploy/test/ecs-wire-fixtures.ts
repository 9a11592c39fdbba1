// Bodies shaped like the ECS JSON 1.1 API puts them on the wire (timestamps in
// epoch seconds), so the SDK's own deserializer is exercised by the tests.

const account = "123456789012";
const region = "us-east-1";
export const cluster = "dev-cluster";
export const serviceName = "dev-stockwiz";

export const oldDeploymentId = "ecs-svc/1111111111111111111";
export const newDeploymentId = "ecs-svc/2222222222222222222";
export const rollbackDeploymentId = "ecs-svc/3333333333333333333";

export interface WireDeployment {
  id: string;
  status: "PRIMARY" | "ACTIVE";
  revision: number;
  running: number;
  desired?: number;
  pending?: number;
  failedTasks?: number;
  rolloutState?: "IN_PROGRESS" | "COMPLETED" | "FAILED";
  rolloutStateReason?: string;
}

export interface WireEvent {
  id: string;
  at: number;
  message: string;
}

export function taskDefinitionArn(revision: number): string {
  return `arn:aws:ecs:${region}:${account}:task-definition/dev-stockwiz:${revision}`;
}

export function wireService(deployments: WireDeployment[], events: WireEvent[] = []) {
  const primary = deployments.find((d) => d.status === "PRIMARY");
  return {
    serviceArn: `arn:aws:ecs:${region}:${account}:service/${cluster}/${serviceName}`,
    serviceName,
    clusterArn: `arn:aws:ecs:${region}:${account}:cluster/${cluster}`,
    status: "ACTIVE",
    desiredCount: 1,
    runningCount: deployments.reduce((sum, d) => sum + d.running, 0),
    pendingCount: deployments.reduce((sum, d) => sum + (d.pending ?? 0), 0),
    launchType: "FARGATE",
    taskDefinition: taskDefinitionArn(primary?.revision ?? 1),
    deploymentConfiguration: {
      deploymentCircuitBreaker: { enable: true, rollback: true },
      maximumPercent: 200,
      minimumHealthyPercent: 100,
    },
    deployments: deployments.map((d) => ({
      id: d.id,
      status: d.status,
      taskDefinition: taskDefinitionArn(d.revision),
      desiredCount: d.desired ?? 1,
      pendingCount: d.pending ?? 0,
      runningCount: d.running,
      failedTasks: d.failedTasks ?? 0,
      createdAt: 1_764_300_000.123,
      updatedAt: 1_764_300_060.456,
      launchType: "FARGATE",
      platformVersion: "1.4.0",
      rolloutState: d.rolloutState,
      rolloutStateReason: d.rolloutStateReason,
    })),
    events: [...events]
      .sort((a, b) => b.at - a.at)
      .map((e) => ({ id: e.id, createdAt: e.at, message: e.message })),
    createdAt: 1_764_000_000.0,
    schedulingStrategy: "REPLICA",
  };
}

export function describeServicesBody(service: ReturnType<typeof wireService>) {
  return { services: [service], failures: [] };
}

export function missingServiceBody() {
  return {
    services: [],
    failures: [
      {
        arn: `arn:aws:ecs:${region}:${account}:service/${cluster}/${serviceName}`,
        reason: "MISSING",
      },
    ],
  };
}

/** A service whose deployment finished long ago: one PRIMARY, steady. */
export function steadyService(id = oldDeploymentId, revision = 7) {
  return wireService(
    [
      {
        id,
        status: "PRIMARY",
        revision,
        running: 1,
        rolloutState: "COMPLETED",
        rolloutStateReason: `ECS deployment ${id} completed.`,
      },
    ],
    [
      {
        id: "e-steady",
        at: 1_764_299_000,
        message: `(service ${serviceName}) has reached a steady state.`,
      },
    ],
  );
}
