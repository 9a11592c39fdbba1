import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import type { StackTemplate } from "./stage-index.ts";

const run = promisify(execFile);

export const repositoryRoot = path.resolve(import.meta.dirname, "../..");

/**
 * The `*.template.json` files of a stage: `<dir>/<stage>/` as `npm run synth -- --out <dir>`
 * writes them, or `<dir>/` itself. The stack name is the file name without `.template.json`.
 */
export function readStageTemplates(dir: string, stage: string): StackTemplate[] {
  const stageDir = existsSync(path.join(dir, stage)) ? path.join(dir, stage) : dir;
  const files = readdirSync(stageDir)
    .filter((file) => file.endsWith(".template.json"))
    .sort();
  if (files.length === 0) throw new Error(`No *.template.json in ${stageDir}`);
  return files.map((file) => ({
    stackName: file.replace(/\.template\.json$/, ""),
    template: JSON.parse(readFileSync(path.join(stageDir, file), "utf8")),
  }));
}

/**
 * Synthesizes the stage with `scripts/synth.ts` into a temporary folder and reads it back.
 * cdk-nag findings make synth exit non-zero yet still write the templates: those are priced,
 * with the findings passed on to `warn`.
 */
export async function synthesizeStageTemplates(
  stage: string,
  warn: (line: string) => void,
): Promise<StackTemplate[]> {
  const out = mkdtempSync(path.join(tmpdir(), "stockwiz-cost-"));
  try {
    try {
      await run(process.execPath, ["--import", "tsx", "scripts/synth.ts", stage, "--out", out], {
        cwd: repositoryRoot,
        maxBuffer: 64 * 1024 * 1024,
      });
    } catch (error) {
      const { stderr, code } = error as { stderr?: string; code?: unknown };
      if (!existsSync(path.join(out, stage))) throw error;
      warn(`synth exited with ${String(code)}; pricing the templates it wrote`);
      for (const line of (stderr ?? "").split("\n").filter(Boolean).slice(0, 20)) warn(`  ${line}`);
    }
    return readStageTemplates(out, stage);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}
