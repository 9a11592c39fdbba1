/** A value the extractor needs as a string, known before apply. */
export function text(value: unknown): string {
  if (typeof value !== "string") throw new Error(`Expected a string, got ${JSON.stringify(value)}`);
  return value;
}

/** A value the extractor needs as a number, known before apply. */
export function number(value: unknown): number {
  if (typeof value !== "number") throw new Error(`Expected a number, got ${JSON.stringify(value)}`);
  return value;
}
