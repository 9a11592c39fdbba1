/** One page of a list ordered by id, and the id the next page starts after, if there is one. */
export interface Page<T> {
  items: T[];
  nextAfter?: number;
}

/**
 * Cuts the rows of a keyset query that asked for one row more than the page holds: that extra
 * row only says a next page exists, without a second query to count.
 */
export function pageOf<T extends { id: number }>(rowsPlusOne: T[], limit: number): Page<T> {
  if (rowsPlusOne.length <= limit) return { items: rowsPlusOne };
  const items = rowsPlusOne.slice(0, limit);
  return { items, nextAfter: items[items.length - 1]?.id };
}
