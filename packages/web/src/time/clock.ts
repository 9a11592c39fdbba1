/** The time now, and a way to hear it move on: passed in, so that tests set and advance it. */
export interface Clock {
  now: () => number;
  /** Calls `listener` as time passes; returns the way to stop. */
  onTick: (listener: () => void) => () => void;
}

// A countdown in whole seconds needs no finer tick.
const TICK_MS = 1000;

export const systemClock: Clock = {
  now: () => Date.now(),
  onTick: (listener) => {
    const timer = setInterval(listener, TICK_MS);
    return () => clearInterval(timer);
  },
};
