import { randomInt } from "node:crypto";
import type { Redis } from "ioredis";

/** The key whose value every invalidation moves on. */
export const generationKey = "cache-generation";

// Sets the value only if no invalidation happened since the reader took its generation token.
const setIfUnchangedScript = `
if redis.call('GET', KEYS[1]) == ARGV[1] then
  redis.call('SET', KEYS[2], ARGV[2], 'EX', ARGV[3])
  return 1
end
return 0`;

// Deletes KEYS[2..] and moves the generation (KEYS[1]) on, in one step. A generation that has
// to be created starts at a random number: a namespace wiped behind our back (FLUSHDB, a
// restarted Redis) must never count up again to a token some process still holds.
const invalidateScript = `
for i = 2, #KEYS do
  redis.call('DEL', KEYS[i])
end
if redis.call('EXISTS', KEYS[1]) == 0 then
  redis.call('SET', KEYS[1], ARGV[1])
end
return redis.call('INCR', KEYS[1])`;

/** A client that knows the cache's two scripts. */
export type ScriptedRedis = Redis & {
  setIfUnchanged(
    genKey: string,
    key: string,
    seen: string,
    value: string,
    ttl: number,
  ): Promise<number>;
  invalidate(keyCount: number, genKey: string, ...keysThenStart: string[]): Promise<number>;
};

/** Teaches `redis` the scripts (sent by hash, loaded once per connection). */
export function withCacheScripts(redis: Redis): ScriptedRedis {
  redis.defineCommand("setIfUnchanged", { numberOfKeys: 2, lua: setIfUnchangedScript });
  redis.defineCommand("invalidate", { lua: invalidateScript });
  return redis as ScriptedRedis;
}

/** Deletes `keys` and moves the generation on, atomically. */
export const sendInvalidation = (redis: ScriptedRedis, keys: readonly string[]) =>
  redis.invalidate(1 + keys.length, generationKey, ...keys, String(randomInt(1, 2 ** 47)));
