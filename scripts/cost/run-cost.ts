import { parseArgs } from "node:util";
import { checkStageName } from "../../stacks/config/stage-name.ts";
import { formatCostReport } from "./format-cost-report.ts";
import { priceStage } from "./price-stage.ts";
import { readStageTemplates, synthesizeStageTemplates } from "./read-stage-templates.ts";

const usage = "usage: npm run cost -- <stage> [--templates <dir>]";

export interface CostCommandDeps {
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
}

/**
 * `npm run cost -- <stage>` synthesizes the stage offline and prices it; `--templates <dir>`
 * prices templates already written (`<dir>/<stage>/*.template.json` or `<dir>/*.template.json`).
 * Returns the exit code.
 */
export async function runCostCommand(
  argv: readonly string[],
  deps: CostCommandDeps,
): Promise<number> {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    deps.err(`${(error as Error).message}\n${usage}`);
    return 2;
  }
  const { stage, templates } = parsed;
  try {
    const stacks =
      templates === undefined
        ? await synthesizeStageTemplates(stage, deps.err)
        : readStageTemplates(templates, stage);
    for (const line of formatCostReport(priceStage(stage, stacks))) deps.out(line);
    return 0;
  } catch (error) {
    deps.err(`Could not price ${stage}: ${(error as Error).message}`);
    return 1;
  }
}

function parse(argv: readonly string[]) {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: { templates: { type: "string" } },
  });
  const [stage, ...rest] = positionals;
  if (stage === undefined || rest.length > 0) throw new Error("name exactly one stage");
  return { stage: checkStageName(stage), templates: values.templates };
}
