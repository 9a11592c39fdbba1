import type { Page } from "../paging/keyset-page.ts";
import { cursorAfter } from "../paging/page-query.ts";
import type { RouteResponse } from "./route.ts";

/**
 * A page as the answer: the items, and `Link: <…>; rel="next"` when a next page exists. The link
 * names the path the route answers under with the client's own filters, so a client follows it
 * as it is (the gateway puts its own prefix back on the paths it forwards).
 */
export function pageResponse<T>(
  page: Page<T>,
  path: string,
  request: { limit: number; filters?: Record<string, string | undefined> },
): RouteResponse {
  if (page.nextAfter === undefined) return { status: 200, body: page.items };
  const query = new URLSearchParams({
    limit: String(request.limit),
    cursor: cursorAfter(page.nextAfter),
  });
  for (const [name, value] of Object.entries(request.filters ?? {})) {
    if (value !== undefined) query.set(name, value);
  }
  return { status: 200, body: page.items, headers: { link: `<${path}?${query}>; rel="next"` } };
}

/** How a paged list describes its `Link` header in the API description. */
export const pageResponseHeaders = {
  Link: '`<…>; rel="next"`: the next page, when there is one (only when paging)',
};
