import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { runDeployCommand } from "../src/run-deploy-command.ts";
import {
  cluster,
  describeServicesBody,
  newDeploymentId,
  oldDeploymentId,
  serviceName,
  steadyService,
  wireService,
} from "./ecs-wire-fixtures.ts";
import { commandDeps, fakeEcsApi } from "./fake-ecs-api.ts";

const ecs = fakeEcsApi();
beforeAll(() => ecs.server.listen({ onUnhandledRequest: "error" }));
afterEach(() => ecs.reset());
afterAll(() => ecs.server.close());

const target = ["--cluster", cluster, "--service", serviceName];

describe("deploy redeploy", () => {
  it("when forced then it follows the deployment UpdateService created, not the old one", async () => {
    const forced = wireService([
      {
        id: newDeploymentId,
        status: "PRIMARY",
        revision: 7,
        running: 0,
        rolloutState: "IN_PROGRESS",
      },
      { id: oldDeploymentId, status: "ACTIVE", revision: 7, running: 1, rolloutState: "COMPLETED" },
    ]);
    ecs.script("UpdateService", { body: { service: forced } });
    ecs.script(
      "DescribeServices",
      { body: describeServicesBody(forced) },
      { body: describeServicesBody(steadyService(newDeploymentId, 7)) },
    );
    const { deps, output } = commandDeps();

    const code = await runDeployCommand(["redeploy", ...target, "--interval", "1s"], deps);

    expect(code).toBe(0);
    expect(ecs.calls.map((call) => call.operation)).toEqual([
      "UpdateService",
      "DescribeServices",
      "DescribeServices",
    ]);
    expect(ecs.calls[0]?.body).toEqual({ cluster, service: serviceName, forceNewDeployment: true });
    expect(output()).toContain(`forced a new deployment of ${serviceName}: ${newDeploymentId}`);
    expect(output()).toContain(`rollout of ${serviceName} completed: ${newDeploymentId}`);
  });
});

describe("deploy status", () => {
  it("when asked then it prints deployments and recent events once, without waiting", async () => {
    ecs.script("DescribeServices", { body: describeServicesBody(steadyService()) });
    const { deps, output, clock } = commandDeps();

    const code = await runDeployCommand(["status", ...target], deps);

    expect(code).toBe(0);
    expect(ecs.calls).toHaveLength(1);
    expect(clock.sleeps).toEqual([]);
    expect(output()).toContain("service dev-stockwiz (ACTIVE): running 1/1, pending 0");
    expect(output()).toContain(`PRIMARY ${oldDeploymentId} dev-stockwiz:7 COMPLETED: running 1/1`);
    expect(output()).toContain("has reached a steady state.");
  });
});

describe("deploy usage", () => {
  it("when the service is not named then it prints the usage and exits 2 without calling AWS", async () => {
    const { deps, output } = commandDeps();

    const code = await runDeployCommand(["wait", "--cluster", cluster], deps);

    expect(code).toBe(2);
    expect(ecs.calls).toHaveLength(0);
    expect(output()).toContain("--cluster and --service are required");
    expect(output()).toContain("usage: deploy <wait|status|redeploy>");
  });
});
