import { expect } from "vitest";
import { call } from "./http-client.ts";

/** Every page a client reads from `firstPath` by following `Link: <…>; rel="next"`. */
export async function followPages(
  base: string,
  firstPath: string,
): Promise<{ pages: Array<Array<{ id: number }>>; links: string[] }> {
  const pages: Array<Array<{ id: number }>> = [];
  const links: string[] = [];
  let next: string | undefined = firstPath;
  while (next !== undefined) {
    const answer = await call(base + next);
    expect(answer.status, `${next}: ${answer.text}`).toBe(200);
    pages.push(answer.body as Array<{ id: number }>);
    const link = answer.headers.get("link");
    next = link === null ? undefined : /^<([^>]+)>; rel="next"$/.exec(link)?.[1];
    if (link !== null) {
      expect(next, `a Link the client can follow: ${link}`).toBeDefined();
      links.push(next as string);
    }
  }
  return { pages, links };
}
