import type { LoadResult } from "./load.ts";

/** What the CPU cells read: a row's, or any timed operation's, CPU per request by process. */
type CpuPerRequest = Pick<LoadResult, "cpuPerRequestUs">;

/** CPU µs one request cost the whole stack. */
export const cpuTotal = (load: CpuPerRequest) =>
  Object.values(load.cpuPerRequestUs ?? {}).reduce((sum, us) => sum + us, 0);

/** The stack's CPU per request by process, busiest first; processes under 1 µs left out. */
export function cpuPerRequest(load: CpuPerRequest): string {
  const used = Object.entries(load.cpuPerRequestUs ?? {})
    .filter(([, us]) => us >= 1)
    .sort((a, b) => b[1] - a[1]);
  if (used.length === 0) return "";
  const parts = used.map(([name, us]) => `${name} ${us.toFixed(0)}`);
  return `${cpuTotal(load).toFixed(0)}: ${parts.join(" · ")}`;
}
