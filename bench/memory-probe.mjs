// Loaded with --import: on SIGWINCH, append memoryUsage and V8 heap-space figures to $MEM_PROBE_DIR/<name>.jsonl
import { appendFileSync, readFileSync } from "node:fs";
import v8 from "node:v8";

const dir = process.env.MEM_PROBE_DIR ?? "/tmp/mem";
const name = process.env.MEM_PROBE_NAME ?? String(process.pid);
const mib = (n) => Math.round((n / 1048576) * 10) / 10;
process.on("SIGWINCH", () => {
  if (process.env.MEM_SNAPSHOT === "1") {
    try {
      const l = readFileSync(`${dir}/label`, "utf8").trim().replace(/\W+/g, "-");
      v8.writeHeapSnapshot(`${dir}/${name}-${l}.heapsnapshot`);
    } catch {}
  }
  const m = process.memoryUsage();
  const spaces = Object.fromEntries(
    v8
      .getHeapSpaceStatistics()
      .map((s) => [
        s.space_name.replace("_space", ""),
        [mib(s.space_size), mib(s.space_used_size)],
      ]),
  );
  const h = v8.getHeapStatistics();
  appendFileSync(
    `${dir}/${name}.jsonl`,
    `${JSON.stringify({
      t: Date.now(),
      label: (() => {
        try {
          return readFileSync(`${dir}/label`, "utf8").trim();
        } catch {
          return "";
        }
      })(),
      rss: mib(m.rss),
      heapTotal: mib(m.heapTotal),
      heapUsed: mib(m.heapUsed),
      external: mib(m.external),
      arrayBuffers: mib(m.arrayBuffers),
      limit: mib(h.heap_size_limit),
      malloced: mib(h.malloced_memory),
      spaces,
    })}\n`,
  );
});
