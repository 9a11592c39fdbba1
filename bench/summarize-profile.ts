import { readFile } from "node:fs/promises";
import { basename } from "node:path";

// `npx tsx bench/summarize-profile.ts <file.cpuprofile> [top]`: the functions a profile written
// by `npm run bench -- --only … --profile DIR` spent most self time in, and what share of the
// process's busy time each took (idle and garbage collection shown apart).

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const [file, topArgument] = process.argv.slice(2);
if (file === undefined) throw new Error("usage: summarize-profile.ts <file.cpuprofile> [top]");
const top = Number(topArgument ?? 25);
const profile = JSON.parse(await readFile(file, "utf8")) as CpuProfile;

const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const selfUs = new Map<string, number>();
let totalUs = 0;
for (const [index, id] of profile.samples.entries()) {
  const frame = byId.get(id)?.callFrame;
  const delta = profile.timeDeltas[index] ?? 0;
  if (frame === undefined) continue;
  const where = frame.url === "" ? "" : ` ${basename(frame.url)}:${frame.lineNumber + 1}`;
  const name = `${frame.functionName || "(anonymous)"}${where}`;
  selfUs.set(name, (selfUs.get(name) ?? 0) + delta);
  totalUs += delta;
}
const idleUs = selfUs.get("(idle)") ?? 0;
const busyUs = totalUs - idleUs;
process.stdout.write(
  `${file}: ${(totalUs / 1e6).toFixed(1)} s sampled, ${(busyUs / 1e6).toFixed(1)} s busy\n`,
);
const rows = [...selfUs].filter(([name]) => name !== "(idle)").sort((a, b) => b[1] - a[1]);
for (const [name, us] of rows.slice(0, top))
  process.stdout.write(`${((us / busyUs) * 100).toFixed(1).padStart(5)} %  ${name}\n`);
