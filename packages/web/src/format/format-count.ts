const countFormat = new Intl.NumberFormat("en-US");

/** Whole numbers with thousands separators: `12,480`. */
export function formatCount(count: number): string {
  return countFormat.format(count);
}
