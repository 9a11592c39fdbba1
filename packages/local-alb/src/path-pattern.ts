const regexSpecial = /[.+^${}()|[\]\\/]/g;

/**
 * An ALB path-pattern condition: matched against the whole path (never the query string),
 * case-sensitively; `*` stands for any characters, none included, and `?` for exactly one.
 * So `/products/*` matches `/products/` and `/products/5` but not `/products`.
 */
export function pathPatternMatcher(pattern: string): (path: string) => boolean {
  const source = pattern.replace(regexSpecial, "\\$&").replaceAll("*", ".*").replaceAll("?", ".");
  const expression = new RegExp(`^${source}$`, "s");
  return (path) => expression.test(path);
}
