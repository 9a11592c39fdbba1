import { randomInt } from "node:crypto";
import type { Redis } from "ioredis";
import { type InvalidationEntry, invalidationsKept } from "./recent-invalidations.ts";

/** The key whose value every invalidation moves on. */
export const generationKey = "cache-generation";

/**
 * The last invalidations, newest first, one entry per generation: `<generation>\n<key>…`, or
 * `<generation>\n*` for a namespace cleared. Processes read it to drop only what went stale.
 */
export const invalidationLogKey = "cache-invalidations";

const everyKey = "*";

/**
 * How many invalidations a fill looks back over for one that named its key; a fill that began
 * further back is dropped. Bounds the script's work: Redis runs nothing else meanwhile.
 */
export const fillLookback = 256;

// Sets the value (KEYS[2]) only if no invalidation since the reader took its generation token
// (ARGV[1]) named the key or cleared everything: the log (KEYS[3]) says what each one staled,
// by the key as the client names it (ARGV[4]; KEYS carry the client's prefix).
// Under a steady stream of writes the generation has nearly always moved by the time a value is
// loaded, and a fill refused for a write to another key left every reader loading it again.
const setIfUnchangedScript = `
local generation = redis.call('GET', KEYS[1])
if not generation then return 0 end
if generation ~= ARGV[1] then
  local behind = tonumber(generation) - (tonumber(ARGV[1]) or tonumber(generation))
  if behind <= 0 or behind > ${fillLookback} then return 0 end
  local entries = redis.call('LRANGE', KEYS[3], 0, behind - 1)
  if #entries < behind then return 0 end
  local named = '\\n' .. ARGV[4] .. '\\n'
  for _, entry in ipairs(entries) do
    local keys = entry .. '\\n'
    if string.find(keys, named, 1, true) or string.find(keys, '\\n${everyKey}\\n', 1, true) then
      return 0
    end
  end
end
redis.call('SET', KEYS[2], ARGV[2], 'EX', ARGV[3])
return 1`;

// Deletes KEYS[3..], moves the generation (KEYS[1]) on and logs what went stale (KEYS[2]), in
// one step. A generation that has to be created starts at a random number: a namespace wiped
// behind our back (FLUSHDB, a restarted Redis) must never count up again to a token some
// process still holds.
const invalidateScript = `
for i = 3, #KEYS do
  redis.call('DEL', KEYS[i])
end
if redis.call('EXISTS', KEYS[1]) == 0 then
  redis.call('SET', KEYS[1], ARGV[1])
end
local generation = redis.call('INCR', KEYS[1])
-- Lua writes a number of 15 digits or more as 1.0853194752404e+14: log its digits.
redis.call('LPUSH', KEYS[2], string.format('%d', generation) .. ARGV[2])
redis.call('LTRIM', KEYS[2], 0, ${invalidationsKept - 1})
return generation`;

// The generation, and the log entries after generation ARGV[1] when they are all still kept:
// read in one step, so the entries end exactly at the generation answered.
const invalidationsSinceScript = `
local generation = redis.call('GET', KEYS[1])
if not generation then return {} end
local behind = tonumber(generation) - (tonumber(ARGV[1]) or generation)
if behind <= 0 or behind > ${invalidationsKept} then return {generation} end
local entries = redis.call('LRANGE', KEYS[2], 0, behind - 1)
table.insert(entries, 1, generation)
return entries`;

/** A client that knows the cache's scripts. */
export type ScriptedRedis = Redis & {
  setIfUnchanged(
    genKey: string,
    key: string,
    logKey: string,
    seen: string,
    value: string,
    ttl: number,
    keyAsLogged: string,
  ): Promise<number>;
  invalidate(
    keyCount: number,
    genKey: string,
    logKey: string,
    ...keysThenStartAndEntry: string[]
  ): Promise<number>;
  invalidationsSince(genKey: string, logKey: string, after: string): Promise<string[]>;
};

/** Teaches `redis` the scripts (sent by hash, loaded once per connection). */
export function withCacheScripts(redis: Redis): ScriptedRedis {
  redis.defineCommand("setIfUnchanged", { numberOfKeys: 3, lua: setIfUnchangedScript });
  redis.defineCommand("invalidate", { lua: invalidateScript });
  redis.defineCommand("invalidationsSince", { numberOfKeys: 2, lua: invalidationsSinceScript });
  return redis as ScriptedRedis;
}

/** Deletes `keys` (or, for "all", deletes nothing but stales every copy) and moves the generation on, atomically. */
export function sendInvalidation(redis: ScriptedRedis, keys: readonly string[] | "all") {
  const deleted = keys === "all" ? [] : keys;
  const logged = keys === "all" ? `\n${everyKey}` : keys.map((key) => `\n${key}`).join("");
  return redis.invalidate(
    2 + deleted.length,
    generationKey,
    invalidationLogKey,
    ...deleted,
    String(randomInt(1, 2 ** 47)),
    logged,
  );
}

/**
 * The current generation and the invalidations after `after`, oldest first; `entries` is
 * undefined when the log cannot say (too far behind, or a generation from another run).
 */
export async function readInvalidationsSince(
  redis: ScriptedRedis,
  after: string | undefined,
): Promise<{ generation: string | null; entries: InvalidationEntry[] | undefined }> {
  const [generation, ...logged] = await redis.invalidationsSince(
    generationKey,
    invalidationLogKey,
    after ?? "",
  );
  if (generation === undefined) return { generation: null, entries: undefined };
  if (generation === after) return { generation, entries: [] };
  if (logged.length === 0) return { generation, entries: undefined };
  return { generation, entries: logged.reverse().map(entryOf) };
}

function entryOf(logged: string): InvalidationEntry {
  const [generation, ...keys] = logged.split("\n");
  return {
    generation: Number(generation),
    stale: keys.length === 1 && keys[0] === everyKey ? "all" : keys,
  };
}
