import type { ApiKeys } from "@stockwiz/core";
import * as z from "zod";

const keyList = z
  .string()
  .default("")
  .transform((value) =>
    value
      .split(",")
      .map((key) => key.trim())
      .filter((key) => key.length > 0),
  )
  .pipe(z.array(z.string().min(16, "each key must be at least 16 characters")));

/** `API_KEYS` (may write) and `API_READ_ONLY_KEYS`, comma-separated; unset keeps writes open. */
export const apiKeyEnvSchema = z.object({
  API_KEYS: keyList,
  API_READ_ONLY_KEYS: keyList,
});

export const apiKeysOf = (env: z.infer<typeof apiKeyEnvSchema>): ApiKeys => ({
  write: env.API_KEYS,
  readOnly: env.API_READ_ONLY_KEYS,
});
