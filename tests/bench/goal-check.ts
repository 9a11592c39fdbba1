/** "this run" and "met?" of the goal whose text starts with `goal`, in a written goals table. */
export function checkOf(table: string, goal: string): { value: string; met: string } {
  const line = table.split("\n").find((candidate) => candidate.startsWith(`| ${goal}`));
  if (line === undefined) throw new Error(`no goal ${goal}`);
  const [, value = "", met = ""] = line
    .split("|")
    .slice(1, -1)
    .map((cell) => cell.trim());
  return { value, met };
}
