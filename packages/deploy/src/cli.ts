import { ECSClient } from "@aws-sdk/client-ecs";
import { systemClock } from "./clock.ts";
import { runDeployCommand } from "./run-deploy-command.ts";

// Credentials come from the SDK's default chain: in CI, the OIDC role that
// aws-actions/configure-aws-credentials put in the environment.
process.exitCode = await runDeployCommand(process.argv.slice(2), {
  createClient: (region) => new ECSClient(region === undefined ? {} : { region }),
  clock: systemClock,
  out: (line) => console.log(line),
});
