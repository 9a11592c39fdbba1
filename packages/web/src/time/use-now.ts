import { useEffect, useState } from "preact/hooks";
import type { Clock } from "./clock.ts";

/**
 * The clock's time at this render; the caller renders again at every tick. Read at each render,
 * not kept from the last tick, so that a list that just arrived is not measured against a time
 * up to a tick old.
 */
export function useNow(clock: Clock): number {
  const [, setTicks] = useState(0);
  useEffect(() => clock.onTick(() => setTicks((ticks) => ticks + 1)), [clock]);
  return clock.now();
}
