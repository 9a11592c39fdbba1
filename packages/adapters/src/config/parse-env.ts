import type * as z from "zod";

export class ConfigError extends Error {
  override name = "ConfigError";
}

/** Validates the environment once at start; the message names every variable that is wrong. */
export function parseEnv<Schema extends z.ZodType>(
  schema: Schema,
  env: NodeJS.ProcessEnv,
): z.infer<Schema> {
  // `VAR=` in a compose file or task definition means "not set", as most tools read it.
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ""));
  const result = schema.safeParse(present);
  if (result.success) return result.data;
  const problems = result.error.issues.map(
    (issue) => `${issue.path.join(".") || "environment"}: ${issue.message}`,
  );
  throw new ConfigError(`Invalid configuration:\n  ${problems.join("\n  ")}`);
}
