import type { App } from "sst/constructs";
import type { StageConfig } from "./stage-config.ts";

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
