import type { App } from "sst/constructs";
import type { FargateStageConfig, ServerlessStageConfig, StageConfig } from "./stage-config.ts";

/** What every stack of one app reads: the stage config and where the repository lives. */
export interface StackSettings {
  readonly config: StageConfig;
  /** Repository root, for assets built from workspace packages. */
  readonly rootDir: string;
}

// SST stack functions receive only { app, stack }: settings travel with the app.
const settingsByApp = new WeakMap<App, StackSettings>();

export function provideStackSettings(app: App, settings: StackSettings): void {
  settingsByApp.set(app, settings);
}

export function useStackSettings(app: App): StackSettings {
  const settings = settingsByApp.get(app);
  if (!settings)
    throw new Error("Stack settings were not provided: register stacks with registerStacks()");
  return settings;
}

/** The settings of a Fargate stage (dev, prod): its stacks exist in no other. */
export function useFargateConfig(app: App): FargateStageConfig {
  const { config } = useStackSettings(app);
  if (config.shape !== "fargate") throw new Error(`Stage ${config.stage} is not a Fargate stage`);
  return config;
}

/** The settings of a serverless stage (personal, preview). */
export function useServerlessConfig(app: App): ServerlessStageConfig {
  const { config } = useStackSettings(app);
  if (config.shape !== "serverless") {
    throw new Error(`Stage ${config.stage} is not a serverless stage`);
  }
  return config;
}
