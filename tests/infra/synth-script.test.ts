import { execFile } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { repositoryRoot } from "./synthesize-stage.ts";

const run = promisify(execFile);

/** The machine's environment without any AWS setting, and with credential files pointing nowhere. */
function environmentWithoutAws(): NodeJS.ProcessEnv {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !key.startsWith("AWS_")),
  );
  return {
    ...env,
    AWS_CONFIG_FILE: "/nonexistent/aws-config",
    AWS_SHARED_CREDENTIALS_FILE: "/nonexistent/aws-credentials",
    AWS_EC2_METADATA_DISABLED: "true",
  };
}

// Two full syntheses in a child process: on a busy 2-core machine that outlasts vitest's default.
const twoSynthesesTimeoutMs = 300_000;

describe("npm run synth", () => {
  it(
    "when run without AWS credentials then it writes dev and prod templates into <out>/<stage>/",
    async () => {
      const out = mkdtempSync(path.join(tmpdir(), "stockwiz-synth-"));

      await run("npx", ["tsx", "scripts/synth.ts", "--out", out], {
        cwd: repositoryRoot,
        env: environmentWithoutAws(),
      });

      for (const stage of ["dev", "prod"]) {
        const templates = readdirSync(path.join(out, stage)).filter((f) =>
          f.endsWith(".template.json"),
        );
        expect(templates.sort()).toEqual(
          ["Data", "Monitoring", "Network", "Registry", "Service"].map(
            (s) => `${stage}-stockwiz-${s}.template.json`,
          ),
        );
        const service = JSON.parse(
          readFileSync(path.join(out, stage, `${stage}-stockwiz-Service.template.json`), "utf8"),
        );
        expect(JSON.stringify(service)).toContain(`"${stage}-stockwiz"`);
      }
    },
    twoSynthesesTimeoutMs,
  );
});
