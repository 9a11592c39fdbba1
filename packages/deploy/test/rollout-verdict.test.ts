import type { Service } from "@aws-sdk/client-ecs";
import { describe, expect, it } from "vitest";
import { snapshotOf } from "../src/rollout-snapshot.ts";
import { judgeRollout } from "../src/rollout-verdict.ts";

const followed = "ecs-svc/new";

function service(overrides: Partial<Service>): Service {
  return {
    serviceName: "dev-stockwiz",
    status: "ACTIVE",
    deployments: [],
    events: [],
    ...overrides,
  };
}

function judge(overrides: Partial<Service>) {
  return judgeRollout(snapshotOf(service(overrides)), followed);
}

describe("judgeRollout", () => {
  it("when the followed deployment is PRIMARY, COMPLETED and fully running then it is completed", () => {
    const verdict = judge({
      deployments: [
        {
          id: followed,
          status: "PRIMARY",
          rolloutState: "COMPLETED",
          runningCount: 2,
          desiredCount: 2,
        },
      ],
    });
    expect(verdict).toEqual({ state: "completed" });
  });

  it("when COMPLETED is reported but tasks are still missing then it is still in progress", () => {
    const verdict = judge({
      deployments: [
        {
          id: followed,
          status: "PRIMARY",
          rolloutState: "COMPLETED",
          runningCount: 1,
          desiredCount: 2,
        },
      ],
    });
    expect(verdict).toEqual({ state: "in-progress" });
  });

  it("when the deployment FAILED without a rollback then the reason is ECS's", () => {
    const verdict = judge({
      deployments: [
        {
          id: followed,
          status: "PRIMARY",
          rolloutState: "FAILED",
          rolloutStateReason: "ECS deployment circuit breaker: tasks failed to start.",
        },
      ],
    });
    expect(verdict).toEqual({
      state: "failed",
      reason: `deployment ${followed} failed: ECS deployment circuit breaker: tasks failed to start.`,
    });
  });

  it("when the followed deployment vanished then it is a failure naming what runs now", () => {
    const verdict = judge({
      deployments: [
        {
          id: "ecs-svc/rollback",
          status: "PRIMARY",
          taskDefinition: "arn:aws:ecs:us-east-1:1:task-definition/dev-stockwiz:7",
          rolloutState: "COMPLETED",
        },
      ],
    });
    expect(verdict.state).toBe("failed");
    expect(verdict).toMatchObject({
      reason: expect.stringContaining("dev-stockwiz:7 (ecs-svc/rollback)"),
    });
  });

  it("when someone else deployed on top then the followed one is superseded", () => {
    const verdict = judge({
      deployments: [
        { id: "ecs-svc/newer", status: "PRIMARY", rolloutState: "IN_PROGRESS" },
        { id: followed, status: "ACTIVE", rolloutState: "IN_PROGRESS" },
      ],
    });
    expect(verdict).toMatchObject({
      state: "failed",
      reason: expect.stringContaining("superseded"),
    });
  });

  it("when the service is draining then waiting is pointless", () => {
    const verdict = judge({
      status: "DRAINING",
      deployments: [{ id: followed, status: "PRIMARY", rolloutState: "IN_PROGRESS" }],
    });
    expect(verdict).toEqual({ state: "failed", reason: "service dev-stockwiz is DRAINING" });
  });

  it("when ECS reports no rollout state then steady means one deployment with every task running", () => {
    const primary = { id: followed, status: "PRIMARY", runningCount: 1, desiredCount: 1 };
    expect(judge({ deployments: [primary] })).toEqual({ state: "completed" });
    expect(
      judge({ deployments: [primary, { id: "ecs-svc/old", status: "ACTIVE", runningCount: 1 }] }),
    ).toEqual({ state: "in-progress" });
  });
});
