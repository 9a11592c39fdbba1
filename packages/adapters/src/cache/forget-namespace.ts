import {
  generationKey,
  invalidationLogKey,
  type ScriptedRedis,
  sendInvalidation,
} from "./redis-scripts.ts";

/**
 * Forgets every cached entry of the client's namespace (its key prefix). The generation moves
 * first, so a fill that raced the clearing is refused, and again at the end, so a copy any
 * process kept while the clearing ran is no longer served; both moves are logged as staling
 * every copy.
 */
export async function forgetNamespace(redis: ScriptedRedis): Promise<void> {
  const keyPrefix = redis.options.keyPrefix ?? "";
  await sendInvalidation(redis, "all");
  let cursor = "0";
  do {
    const [next, keys] = await redis.scan(cursor, "MATCH", `${keyPrefix}*`, "COUNT", 500);
    cursor = next;
    // SCAN answers full names; DEL adds the prefix itself.
    const names = keys
      .map((key) => key.slice(keyPrefix.length))
      .filter((key) => key !== generationKey && key !== invalidationLogKey);
    if (names.length > 0) await redis.del(...names);
  } while (cursor !== "0");
  await sendInvalidation(redis, "all");
}
