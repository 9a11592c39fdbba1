/**
 * The number typed in an input, or null when it is empty or unreadable: the form says so itself,
 * as the API takes numbers only. Every other rule (range, whole units) is the API's to report.
 */
export function parseNumberInput(text: string): number | null {
  const trimmed = text.trim();
  if (trimmed === "") return null;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : null;
}
