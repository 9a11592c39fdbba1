/**
 * Exits non-zero unless every argument is a stage name StockWiz can deploy; the workflows run it
 * before they ask AWS for anything.
 *
 *   npx tsx scripts/check-stage-name.ts pr-42
 */
import { checkStageName } from "../stacks/config/stage-name.ts";

const stages = process.argv.slice(2);
if (stages.length === 0) {
  console.error("usage: tsx scripts/check-stage-name.ts <stage>...");
  process.exitCode = 2;
}
for (const stage of stages) {
  try {
    checkStageName(stage);
  } catch (error) {
    console.error((error as Error).message);
    process.exitCode = 1;
  }
}
