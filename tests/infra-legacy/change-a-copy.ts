import type { CfnValue } from "../infra/cloudformation.ts";
import type { HclBody, TerraformConfiguration } from "./load-terraform.ts";

// Helpers of the one-sided-change tests: copy a side, find the fact, change it.

/** A deep copy of parsed HCL or template JSON with one change applied. */
export function changedCopy<T>(original: T, change: (copy: T) => void): T {
  const copy = structuredClone(original);
  change(copy);
  return copy;
}

/** A local of the environment (or of a module, given its body as `environment`). */
export const local = (config: TerraformConfiguration, name: string): HclBody =>
  config.environment.locals.find((block: HclBody) => name in block)[name];

/** The arguments dev passes to one module call. */
export const moduleArguments = (config: TerraformConfiguration, call: string): HclBody =>
  config.environment.module[call][0];

/** A variable block of a called module (its `default` is the value when dev passes none). */
export const moduleVariable = (
  config: TerraformConfiguration,
  call: string,
  name: string,
): HclBody => config.modules[call]?.variable[name][0];

/** The properties of the one resource of a type (matching a predicate) in a template, to change. */
export function resourceProperties(
  stack: CfnValue,
  type: string,
  matches: (properties: CfnValue) => boolean = () => true,
): CfnValue {
  const found = Object.values<CfnValue>(stack.Resources).filter(
    (resource) => resource.Type === type && matches(resource.Properties),
  );
  if (found.length !== 1) throw new Error(`Expected one ${type} to change, found ${found.length}`);
  return found[0].Properties;
}
