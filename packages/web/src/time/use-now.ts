import { useEffect, useState } from "preact/hooks";
import type { Clock } from "./clock.ts";

/** The clock's time, re-rendering the caller at every tick. */
export function useNow(clock: Clock): number {
  const [now, setNow] = useState(clock.now);
  useEffect(() => clock.onTick(() => setNow(clock.now())), [clock]);
  return now;
}
