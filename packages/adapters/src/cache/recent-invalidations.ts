/** What a run of invalidations made stale: cache keys, or everything (a namespace cleared). */
export type StaleKeys = ReadonlySet<string> | "all";

/**
 * The answer to "what went stale between two generations": `none` when the later one is not
 * after the earlier (a reader holding a token older than what its copies were caught up to).
 */
export type StaleBetween = StaleKeys | "none";

/**
 * Whether `stale` reaches a value made from `keys`: a value read before those invalidations
 * must then not be kept. The one rule for a fill that arrives after the generation moved on.
 */
export const namesAnyOf = (stale: StaleBetween, keys: readonly string[]): boolean =>
  stale === "all" || (stale !== "none" && keys.some((key) => stale.has(key)));

/** Where the copies kept in a process learn which keys each generation move made stale. */
export interface InvalidationRecord {
  staleBetween(from: string, to: string): StaleBetween;
}

/** For a process whose cache cannot say what changed: every move of the generation stales all. */
export const unrecordedInvalidations: InvalidationRecord = {
  staleBetween: (from, to) => (from === to ? "none" : "all"),
};

/**
 * How many invalidations a process can look back over: Redis keeps that many in its log, and
 * a process further behind drops all its copies instead.
 */
export const invalidationsKept = 1024;

/** One move of the generation and the keys it made stale. */
export interface InvalidationEntry {
  generation: number;
  stale: readonly string[] | "all";
}

/**
 * The last invalidations this process knows of, as an unbroken run of generations ending at
 * `latest`. Generations count up by one per invalidation, so a run with a hole, or a generation
 * outside it (a namespace wiped and restarted at a random number), cannot say what changed: the
 * answer is then "all".
 */
export class RecentInvalidations implements InvalidationRecord {
  private entries: InvalidationEntry[] = [];
  private last: number | undefined;

  constructor(private readonly capacity: number) {}

  /** The newest generation known, or undefined before the first one is learnt. */
  get latest(): string | undefined {
    return this.last === undefined ? undefined : String(this.last);
  }

  /** Whether `generation` lies in the known run: nothing newer to learn for a reader of it. */
  knows(generation: string): boolean {
    const at = Number(generation);
    return this.last !== undefined && at <= this.last && at >= this.first();
  }

  /** Starts a new run at `generation`, forgetting what came before. */
  restartAt(generation: string): void {
    this.entries = [];
    this.last = Number(generation);
  }

  /** Forgets everything: the next generation learnt starts a new run. */
  forget(): void {
    this.entries = [];
    this.last = undefined;
  }

  /**
   * Adds the entries that follow `latest`, oldest first; one that does not follow on starts a
   * new run at `upTo`, so readers that hold older tokens drop all they kept.
   */
  extend(entries: readonly InvalidationEntry[], upTo: string): void {
    for (const entry of entries) {
      if (this.last === undefined || entry.generation !== this.last + 1) {
        this.restartAt(upTo);
        return;
      }
      this.entries.push(entry);
      this.last = entry.generation;
    }
    if (this.entries.length > this.capacity)
      this.entries.splice(0, this.entries.length - this.capacity);
    if (this.latest !== upTo) this.restartAt(upTo);
  }

  staleBetween(from: string, to: string): StaleBetween {
    if (from === to) return "none";
    if (!this.knows(from) || !this.knows(to)) return "all";
    const after = Number(from);
    const upTo = Number(to);
    if (upTo <= after) return "none";
    const stale = new Set<string>();
    const first = this.first();
    for (let generation = after + 1; generation <= upTo; generation += 1) {
      const entry = this.entries[generation - first - 1] as InvalidationEntry;
      if (entry.stale === "all") return "all";
      for (const key of entry.stale) stale.add(key);
    }
    return stale;
  }

  /** The generation just before the oldest entry: the run starts after it. */
  private first(): number {
    return (this.last ?? 0) - this.entries.length;
  }
}
