import { createLogger } from "../logger.ts";
import { migrateDatabase } from "./migrate-database.ts";

/**
 * The Lambda function a deploy invokes once (SST Script) to migrate the stage's database; the
 * service functions then start without migrating. A failure fails the deploy.
 */
export async function handler(): Promise<{ applied: string[] }> {
  const logger = createLogger({ level: process.env.LOG_LEVEL ?? "info", name: "migrate" });
  return { applied: await migrateDatabase(process.env, logger) };
}
