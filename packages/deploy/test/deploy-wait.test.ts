import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { runDeployCommand } from "../src/run-deploy-command.ts";
import {
  cluster,
  describeServicesBody,
  missingServiceBody,
  newDeploymentId,
  oldDeploymentId,
  rollbackDeploymentId,
  serviceName,
  steadyService,
  wireService,
} from "./ecs-wire-fixtures.ts";
import { commandDeps, fakeEcsApi } from "./fake-ecs-api.ts";

const ecs = fakeEcsApi();
beforeAll(() => ecs.server.listen({ onUnhandledRequest: "error" }));
afterEach(() => ecs.reset());
afterAll(() => ecs.server.close());

const waitArgs = ["wait", "--cluster", cluster, "--service", serviceName, "--interval", "10s"];

function rollingOut(running: number, events: { id: string; at: number; message: string }[] = []) {
  return describeServicesBody(
    wireService(
      [
        {
          id: newDeploymentId,
          status: "PRIMARY",
          revision: 8,
          running,
          rolloutState: "IN_PROGRESS",
        },
        {
          id: oldDeploymentId,
          status: "ACTIVE",
          revision: 7,
          running: 1,
          rolloutState: "COMPLETED",
        },
      ],
      events,
    ),
  );
}

function completed() {
  return describeServicesBody(steadyService(newDeploymentId, 8));
}

describe("deploy wait", () => {
  it("when the newest deployment is already complete then it exits 0 after one signed call", async () => {
    ecs.script("DescribeServices", { body: completed() });
    const { deps, output } = commandDeps();

    const code = await runDeployCommand(waitArgs, deps);

    expect(code).toBe(0);
    expect(ecs.calls).toHaveLength(1);
    const [call] = ecs.calls;
    expect(call?.operation).toBe("DescribeServices");
    expect(call?.body).toEqual({ cluster, services: [serviceName] });
    expect(call?.contentType).toBe("application/x-amz-json-1.1");
    expect(call?.authorization).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKIAFAKEFORTESTS0000\/\d{8}\/us-east-1\/ecs\/aws4_request/,
    );
    expect(output()).toContain(`rollout of ${serviceName} completed: ${newDeploymentId}`);
  });

  it("when the rollout is slow then it reports each look and the new events until COMPLETED", async () => {
    ecs.script(
      "DescribeServices",
      { body: rollingOut(0) },
      {
        body: rollingOut(0, [
          {
            id: "e1",
            at: 1_764_300_010,
            message: "(service dev-stockwiz) has started 1 tasks: (task abc).",
          },
        ]),
      },
      {
        body: rollingOut(1, [
          {
            id: "e1",
            at: 1_764_300_010,
            message: "(service dev-stockwiz) has started 1 tasks: (task abc).",
          },
          {
            id: "e2",
            at: 1_764_300_040,
            message: "(service dev-stockwiz) registered 1 targets in (target-group dev-api-gw-tg)",
          },
        ]),
      },
      { body: completed() },
    );
    const { deps, lines, clock } = commandDeps();

    const code = await runDeployCommand(waitArgs, deps);

    expect(code).toBe(0);
    expect(ecs.calls).toHaveLength(4);
    expect(clock.sleeps).toEqual([10_000, 10_000, 10_000]);
    const progress = lines.filter((line) => line.startsWith("["));
    expect(progress[0]).toBe(
      `[0m00s] ${newDeploymentId} dev-stockwiz:8 IN_PROGRESS: running 0/1, pending 0; 1 older deployment(s) still running`,
    );
    expect(progress[2]).toContain("running 1/1");
    expect(progress[3]).toMatch(/^\[0m30s\] .* COMPLETED: running 1\/1/);
    // Each event is printed once, in the order it happened.
    expect(lines.filter((line) => line.includes("has started 1 tasks"))).toHaveLength(1);
    const started = lines.findIndex((line) => line.includes("has started 1 tasks"));
    const registered = lines.findIndex((line) => line.includes("registered 1 targets"));
    expect(started).toBeGreaterThan(-1);
    expect(registered).toBeGreaterThan(started);
  });

  it("when the circuit breaker rolls back then it exits 1 naming the failure and the rollback", async () => {
    const reason = "ECS deployment circuit breaker: tasks failed to start.";
    ecs.script(
      "DescribeServices",
      { body: rollingOut(0) },
      {
        body: describeServicesBody(
          wireService(
            [
              {
                id: rollbackDeploymentId,
                status: "PRIMARY",
                revision: 7,
                running: 1,
                rolloutState: "IN_PROGRESS",
              },
              {
                id: newDeploymentId,
                status: "ACTIVE",
                revision: 8,
                running: 0,
                failedTasks: 3,
                rolloutState: "FAILED",
                rolloutStateReason: reason,
              },
            ],
            [
              {
                id: "e3",
                at: 1_764_300_100,
                message: `(service dev-stockwiz) rolling back to deployment ${rollbackDeploymentId}.`,
              },
            ],
          ),
        ),
      },
    );
    const { deps, output } = commandDeps();

    const code = await runDeployCommand(waitArgs, deps);

    expect(code).toBe(1);
    expect(output()).toContain(`deployment ${newDeploymentId} failed: ${reason}`);
    expect(output()).toContain(`rolled back to dev-stockwiz:7 (${rollbackDeploymentId})`);
    expect(output()).toContain("rolling back to deployment");
  });

  it("when ECS throttles a look then it asks again at the next interval and still finishes", async () => {
    ecs.script(
      "DescribeServices",
      { body: rollingOut(0) },
      { error: "ThrottlingException", message: "Rate exceeded" },
      { body: completed() },
    );
    const { deps, output } = commandDeps();

    const code = await runDeployCommand(waitArgs, deps);

    expect(code).toBe(0);
    expect(ecs.calls).toHaveLength(3);
    expect(output()).toContain("ECS did not answer this time (ThrottlingException: Rate exceeded)");
  });

  it("when the credentials are refused then it fails at once without retrying", async () => {
    ecs.script("DescribeServices", {
      error: "UnrecognizedClientException",
      message: "The security token included in the request is invalid.",
    });
    const { deps, output, clock } = commandDeps();

    const code = await runDeployCommand(waitArgs, deps);

    expect(code).toBe(1);
    expect(ecs.calls).toHaveLength(1);
    expect(clock.sleeps).toEqual([]);
    expect(output()).toContain("AWS refused the credentials (UnrecognizedClientException");
  });

  it("when the rollout never completes then it gives up at the timeout with the reason", async () => {
    ecs.script("DescribeServices", { body: rollingOut(0) });
    const { deps, output, clock } = commandDeps();

    const code = await runDeployCommand([...waitArgs, "--timeout", "45s"], deps);

    expect(code).toBe(1);
    // Looks at 0, 10, 20, 30, 40 and 45 seconds: the last sleep is cut to the deadline.
    expect(clock.sleeps).toEqual([10_000, 10_000, 10_000, 10_000, 5_000]);
    expect(ecs.calls).toHaveLength(6);
    expect(output()).toContain(`timed out after 45s waiting for ${newDeploymentId} to complete`);
  });

  it("when the service does not exist then it says so and exits 1", async () => {
    ecs.script("DescribeServices", { body: missingServiceBody() });
    const { deps, output } = commandDeps();

    const code = await runDeployCommand(waitArgs, deps);

    expect(code).toBe(1);
    expect(output()).toContain(`service ${serviceName} in cluster ${cluster}: MISSING`);
  });
});
