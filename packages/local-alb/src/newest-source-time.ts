import { readdir, stat } from "node:fs/promises";
import path from "node:path";

async function newestIn(target: string): Promise<number> {
  const info = await stat(target).catch(() => undefined);
  if (!info) return 0;
  if (!info.isDirectory()) return info.mtimeMs;
  const entries = await readdir(target, { recursive: true, withFileTypes: true });
  const times = await Promise.all(
    entries.map((entry) => stat(path.join(entry.parentPath, entry.name)).then((s) => s.mtimeMs)),
  );
  // A folder's own time counts too: it changes when a file is deleted or renamed.
  return Math.max(info.mtimeMs, ...times);
}

/** The latest change to any of these files or folders (0 when none exists). */
export async function newestModifiedTime(targets: readonly string[]): Promise<number> {
  return Math.max(0, ...(await Promise.all(targets.map(newestIn))));
}
