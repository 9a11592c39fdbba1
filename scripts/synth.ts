/**
 * Writes the CloudFormation templates of StockWiz, one cloud assembly per
 * stage, to synth/<stage>/ — no AWS account, no credentials, no network.
 *
 *   npm run synth                      # dev, prod and bootstrap into ./synth
 *   npm run synth -- prod --out /tmp/x # chosen stages, chosen folder
 *
 * SST normally asks STS for the account and looks up its bootstrap stack
 * while finishing the app. Offline we give the App a fake account id and run
 * as SST's own tests do (NODE_ENV=test), which skips that lookup; the
 * availability zones are answered by the stacks' config, not a lookup.
 */
import { rmSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { App } from "sst/constructs";
import { initProject, useProject } from "sst/project.js";
import { deploySettingsFromEnv } from "../stacks/config/deploy-settings.ts";
import {
  bootstrapStage,
  prerequisiteSettingsFromEnv,
  prerequisitesConfigFor,
} from "../stacks/config/prerequisites-config.ts";
import { stageConfigFor } from "../stacks/config/stage-config.ts";
import { checkStageName } from "../stacks/config/stage-name.ts";
import { registerPrerequisites } from "../stacks/register-prerequisites.ts";
import { registerStacks } from "../stacks/register-stacks.ts";

const fakeAccount = "123456789012";
const placeholderAlertEmail = "alerts@example.com";
const placeholderRepository = "example-owner/stockwiz";
const placeholderImageTag = "synth-placeholder";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { out: { type: "string", default: "synth" } },
});
const stages = positionals.length > 0 ? positionals : ["dev", "prod", bootstrapStage];
// Every name first: a bad one stops the run before anything is synthesized.
for (const stage of stages) checkStageName(stage);
process.env.NODE_ENV = "test";

for (const stage of stages) {
  await initProject({ stage });
  const outdir = path.resolve(values.out, stage);
  rmSync(outdir, { recursive: true, force: true });
  // A real deploy must name its alert address and image tag; a template preview uses
  // placeholders that say what they are.
  const settings = deploySettingsFromEnv({
    STOCKWIZ_ALERT_EMAIL: placeholderAlertEmail,
    STOCKWIZ_IMAGE_TAG: placeholderImageTag,
    ...process.env,
  });
  const app = new App(
    { mode: "deploy", stage, name: "stockwiz", region: settings.region, account: fakeAccount },
    { outdir },
  );
  if (stage === bootstrapStage) {
    const prerequisites = prerequisiteSettingsFromEnv({
      STOCKWIZ_GITHUB_REPOSITORY: placeholderRepository,
      ...process.env,
    });
    registerPrerequisites(app, prerequisitesConfigFor(prerequisites));
  } else {
    registerStacks(app, {
      config: stageConfigFor(stage, settings),
      rootDir: useProject().paths.root,
    });
  }
  await app.finish();
  const assembly = app.synth();
  for (const stack of assembly.stacks) {
    console.log(`${stage}: ${path.relative(process.cwd(), path.join(outdir, stack.templateFile))}`);
    // cdk-nag reports as error annotations: a template with findings is not a deliverable.
    for (const message of stack.messages.filter((m) => m.level === "error")) {
      console.error(`${message.id}: ${String(message.entry.data)}`);
      process.exitCode = 1;
    }
  }
}
