import { type Cache, noCache } from "@stockwiz/core";
import { type InvalidationRecord, unrecordedInvalidations } from "./recent-invalidations.ts";

/**
 * A cache as the processes' own copy tiers see it: core's cache, and the record of which keys
 * each move of its generation made stale, so a tier keeps the copies a write did not touch.
 */
export interface SharedCache extends Cache {
  readonly invalidations: InvalidationRecord;
}

/** No cache at all: nothing is ever kept, so there is nothing to record. */
export const noSharedCache: SharedCache = { ...noCache, invalidations: unrecordedInvalidations };
