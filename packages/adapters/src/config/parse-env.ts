import type { z } from "zod";

export class ConfigError extends Error {
  override name = "ConfigError";
}

/** Validates the environment once at start; the message names every variable that is wrong. */
export function parseEnv<Schema extends z.ZodType>(
  schema: Schema,
  env: NodeJS.ProcessEnv,
): z.infer<Schema> {
  const result = schema.safeParse(env);
  if (result.success) return result.data;
  const problems = result.error.issues.map(
    (issue) => `${issue.path.join(".") || "environment"}: ${issue.message}`,
  );
  throw new ConfigError(`Invalid configuration:\n  ${problems.join("\n  ")}`);
}
