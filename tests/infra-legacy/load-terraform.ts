import { readFileSync } from "node:fs";
import path from "node:path";
import { convertFiles, parse } from "@cdktf/hcl2json";

export const infraLegacyDir = path.resolve(import.meta.dirname, "../../infra-legacy");
export const devEnvironmentDir = path.join(infraLegacyDir, "environments/dev");

// biome-ignore lint/suspicious/noExplicitAny: hcl2json's output is untyped JSON by nature.
export type HclBody = Record<string, any>;

/**
 * The dev environment as hcl2json sees it: its own body plus the body of
 * every module it calls, keyed by the module call's name. Plain JSON, so a
 * test can `structuredClone` it and change one fact.
 */
export interface TerraformConfiguration {
  readonly environment: HclBody;
  readonly modules: Readonly<Record<string, HclBody>>;
}

/** Parses every `.tf` file of dev and of the modules it calls (a syntax error throws). */
export async function loadDevEnvironment(): Promise<TerraformConfiguration> {
  const environment = await convertFiles(devEnvironmentDir);
  const modules: Record<string, HclBody> = {};
  for (const [name, [call]] of Object.entries<HclBody[]>(environment.module ?? {})) {
    const source = call?.source;
    if (typeof source !== "string" || !source.startsWith("../")) {
      throw new Error(`module ${name}: expected a local source, got ${String(source)}`);
    }
    modules[name] = await convertFiles(path.resolve(devEnvironmentDir, source));
  }
  return { environment, modules };
}

/** One HCL file that is not `.tf` (backend.hcl.example, terraform.tfvars.example). */
export async function parseHclFile(file: string): Promise<HclBody> {
  return parse(path.basename(file), readFileSync(file, "utf8"));
}
