import type { Clock } from "../src/time/clock.ts";

/** A clock that moves only when the test says so, telling its listeners as the real one would. */
export function manualClock(startIso: string): Clock & { advance: (ms: number) => void } {
  let now = Date.parse(startIso);
  const listeners = new Set<() => void>();
  return {
    now: () => now,
    onTick: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    advance: (ms) => {
      now += ms;
      for (const listener of listeners) listener();
    },
  };
}
