/**
 * The number typed in an input, or null when it is empty or unreadable, so
 * the API (which owns the rules) reports the problem against that field.
 */
export function parseNumberInput(text: string): number | null {
  const trimmed = text.trim();
  if (trimmed === "") return null;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : null;
}
