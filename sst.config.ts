import type { SSTConfig } from "sst";
import { useProject } from "sst/project.js";
import { deploySettingsFromEnv, regionFromEnv } from "./stacks/config/deploy-settings.ts";
import {
  bootstrapStage,
  prerequisiteSettingsFromEnv,
  prerequisitesConfigFor,
} from "./stacks/config/prerequisites-config.ts";
import { stageConfigFor } from "./stacks/config/stage-config.ts";
import { checkStageName } from "./stacks/config/stage-name.ts";
import { registerPrerequisites } from "./stacks/register-prerequisites.ts";
import { registerStacks } from "./stacks/register-stacks.ts";

export default {
  config(globals) {
    // `--stage` is known here, before SST asks AWS anything; a prompted personal stage is
    // checked in stacks().
    if (globals.stage !== undefined) checkStageName(globals.stage);
    return { name: "stockwiz", region: regionFromEnv(process.env) };
  },
  stacks(app) {
    checkStageName(app.stage);
    // The account's one-time prerequisites are a stage of their own, without the app's settings.
    if (app.stage === bootstrapStage) {
      registerPrerequisites(app, prerequisitesConfigFor(prerequisiteSettingsFromEnv(process.env)));
      return;
    }
    // The only place deployment settings are read; stacks receive them as typed config.
    const settings = deploySettingsFromEnv(process.env);
    registerStacks(app, {
      config: stageConfigFor(app.stage, settings),
      rootDir: useProject().paths.root,
    });
  },
} satisfies SSTConfig;
