import { type SequentialResult, sequential } from "./load.ts";

/** A figure, or why it could not be taken (answers that were not 2xx, no later page). */
export type Measured = { readonly value: number } | { readonly failed: string };

export interface LargeCatalogueCase {
  readonly products: number;
  /** p50 (ms) of `GET /api/products?limit=100`, requests one after another. */
  readonly firstPageP50: Measured;
  /** p50 (ms) of the page the first one's `Link: <…>; rel="next"` names. */
  readonly laterPageP50: Measured;
  /** The gateway's peak RSS (MiB) while it streams `GET /api/products-full`. */
  readonly streamedGatewayRss: Measured;
}

/** The seeded sizes of the full bench: large enough that anything held whole shows. */
export const largeCatalogueSizes = [100_000, 1_000_000];

const pageRequests = 20;
const streamRequests = 3;

/** The URL of `rel="next"` in a Link header, resolved against the request's. */
export function nextPageUrl(link: string | null, base: string): string | undefined {
  const next = link
    ?.split(",")
    .map((part) => /<([^>]+)>\s*;\s*rel="?next"?/.exec(part)?.[1])
    .find((url) => url !== undefined);
  return next === undefined ? undefined : new URL(next, base).toString();
}

/** `value` of `result`, unless some of its answers were not 2xx. */
const figure = (result: SequentialResult, value: number): Measured =>
  result.non2xx > 0
    ? { failed: `${result.non2xx} of ${result.requests} answers not 2xx` }
    : { value };

/** The large-catalogue figures on a catalogue already seeded with `products` products. */
export async function measureLargeCatalogue(
  gatewayUrl: string,
  products: number,
  gateway: { name: string; pid: number },
): Promise<LargeCatalogueCase> {
  const label = `${products.toLocaleString("en-US")} products`;
  const p50 = async (url: string): Promise<Measured> => {
    const result = await sequential(
      label,
      products,
      url,
      { count: pageRequests, budgetMs: 60_000 },
      {},
    );
    return figure(result, result.p50);
  };
  const firstUrl = `${gatewayUrl}/api/products?limit=100`;
  const firstPageP50 = await p50(firstUrl);
  const first = await fetch(firstUrl);
  await first.arrayBuffer();
  // A later page: the one after the first's next, so the cursor is not the first one's.
  const second = nextPageUrl(first.headers.get("link"), first.url);
  const secondAnswer = second === undefined ? undefined : await fetch(second);
  await secondAnswer?.arrayBuffer();
  const later = nextPageUrl(secondAnswer?.headers.get("link") ?? null, second ?? firstUrl);
  const laterPageP50: Measured =
    later === undefined ? { failed: 'no Link rel="next" to a third page' } : await p50(later);
  const streamed = await sequential(
    label,
    products,
    `${gatewayUrl}/api/products-full?force_refresh=true`,
    { count: streamRequests, budgetMs: 180_000 },
    { [gateway.name]: gateway.pid },
  );
  return {
    products,
    firstPageP50,
    laterPageP50,
    streamedGatewayRss: figure(streamed, streamed.rssPeak[gateway.name] ?? Number.NaN),
  };
}
