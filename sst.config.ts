import type { SSTConfig } from "sst";
import { useProject } from "sst/project.js";
import { deploySettingsFromEnv, regionFromEnv } from "./stacks/config/deploy-settings.ts";
import {
  bootstrapStage,
  prerequisiteSettingsFromEnv,
  prerequisitesConfigFor,
} from "./stacks/config/prerequisites-config.ts";
import { stageConfigFor } from "./stacks/config/stage-config.ts";
import { registerPrerequisites } from "./stacks/register-prerequisites.ts";
import { registerStacks } from "./stacks/register-stacks.ts";

export default {
  config() {
    return { name: "stockwiz", region: regionFromEnv(process.env) };
  },
  stacks(app) {
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
