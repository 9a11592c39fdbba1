import { runCostCommand } from "./run-cost.ts";

// npm run cost -- <stage> [--templates <dir>]: the last line is `<stage>: $<amount>/month idle`.
process.exitCode = await runCostCommand(process.argv.slice(2), {
  out: (line) => console.log(line),
  err: (line) => console.error(line),
});
