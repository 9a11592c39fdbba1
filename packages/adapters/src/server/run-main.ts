import { ConfigError } from "../config/parse-env.ts";
import { DatabaseStartError } from "../database/open-database.ts";

/** Start-up failures a person must fix get one clear line and exit code 1, not a stack trace. */
export function runMain(main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    if (error instanceof ConfigError || error instanceof DatabaseStartError) {
      process.stderr.write(`${error.message}\n`);
    } else {
      process.stderr.write(`Fatal: ${error instanceof Error ? error.stack : String(error)}\n`);
    }
    process.exit(1);
  });
}
