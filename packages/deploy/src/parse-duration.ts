const units: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** Reads `90`, `90s`, `15m`, `1h` or `500ms` as milliseconds; a bare number means seconds. */
export function parseDuration(text: string): number {
  const match = /^(\d+(?:\.\d+)?)(ms|s|m|h)?$/.exec(text.trim());
  if (match === null) throw new Error(`not a duration: "${text}" (try 90s, 15m or 1h)`);
  const [, amount, unit = "s"] = match;
  return Number(amount) * (units[unit] ?? 1000);
}
