import type { SSTConfig } from "sst";
import { useProject } from "sst/project.js";
import { deploySettingsFromEnv } from "./stacks/config/deploy-settings.ts";
import { region, stageConfigFor } from "./stacks/config/stage-config.ts";
import { registerStacks } from "./stacks/register-stacks.ts";

export default {
  config() {
    return { name: "stockwiz", region };
  },
  stacks(app) {
    // The only place deployment settings are read; stacks receive them as typed config.
    const settings = deploySettingsFromEnv(process.env);
    registerStacks(app, {
      config: stageConfigFor(app.stage, settings),
      rootDir: useProject().paths.root,
    });
  },
} satisfies SSTConfig;
