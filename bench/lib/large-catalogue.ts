import { request } from "node:http";
import { sequential } from "./load.ts";

/** A figure, or why it could not be taken (an API not merged yet). */
export type Measured = { readonly value: number } | { readonly notAvailable: string };

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

/** Status and headers of a GET, its body thrown away unread. */
function headersOf(url: string): Promise<{ status: number; headers: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: "GET", timeout: 30_000 }, (response) => {
      response.destroy();
      resolve({ status: response.statusCode ?? 0, headers: response.headers });
    });
    req.on("timeout", () => req.destroy(new Error(`timeout: ${url}`)));
    req.on("error", reject);
    req.end();
  });
}

export interface CatalogueApis {
  /** Why the paginated list cannot be measured, or undefined when it can. */
  readonly pagination: string | undefined;
  readonly streaming: string | undefined;
}

/**
 * Asked on the small seed catalogue, before any large one exists: a list that is not paginated
 * would answer a million products at once, so it is not tried at size; nor is a products-full
 * that does not answer.
 */
export async function catalogueApis(gatewayUrl: string): Promise<CatalogueApis> {
  const list = await fetch(`${gatewayUrl}/api/products?limit=2`);
  await list.arrayBuffer();
  const pagination =
    list.status >= 400
      ? `not available: GET /api/products?limit=2 answered ${list.status}`
      : nextPageUrl(list.headers.get("link"), list.url) === undefined
        ? 'not available: GET /api/products?limit=2 has no Link rel="next"'
        : undefined;
  const full = await headersOf(`${gatewayUrl}/api/products-full`);
  // A small catalogue goes out whole, with its length; only a large one streams.
  const streaming =
    full.status >= 400
      ? `not available: GET /api/products-full answered ${full.status}`
      : undefined;
  return { pagination, streaming };
}

/** A size at which neither the paginated list nor the streamed catalogue exists yet. */
export const unavailableLargeCatalogue = (
  products: number,
  apis: CatalogueApis,
): LargeCatalogueCase => ({
  products,
  firstPageP50: { notAvailable: apis.pagination ?? "" },
  laterPageP50: { notAvailable: apis.pagination ?? "" },
  streamedGatewayRss: { notAvailable: apis.streaming ?? "" },
});

/** The large-catalogue figures on a catalogue already seeded with `products` products. */
export async function measureLargeCatalogue(
  gatewayUrl: string,
  products: number,
  apis: CatalogueApis,
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
    return result.non2xx > 0
      ? { notAvailable: `${result.non2xx} of ${result.requests} answers not 2xx` }
      : { value: result.p50 };
  };
  let firstPageP50: Measured = { notAvailable: apis.pagination ?? "" };
  let laterPageP50: Measured = firstPageP50;
  if (apis.pagination === undefined) {
    const firstUrl = `${gatewayUrl}/api/products?limit=100`;
    firstPageP50 = await p50(firstUrl);
    const first = await fetch(firstUrl);
    await first.arrayBuffer();
    // A later page: the one after the first's next, so the cursor is not the first one's.
    const second = nextPageUrl(first.headers.get("link"), first.url);
    const secondAnswer = second === undefined ? undefined : await fetch(second);
    await secondAnswer?.arrayBuffer();
    const later = nextPageUrl(secondAnswer?.headers.get("link") ?? null, second ?? firstUrl);
    laterPageP50 =
      later === undefined
        ? { notAvailable: 'no Link rel="next" to a third page' }
        : await p50(later);
  }
  let streamedGatewayRss: Measured = { notAvailable: apis.streaming ?? "" };
  if (apis.streaming === undefined) {
    const result = await sequential(
      label,
      products,
      `${gatewayUrl}/api/products-full?force_refresh=true`,
      { count: streamRequests, budgetMs: 180_000 },
      { [gateway.name]: gateway.pid },
    );
    streamedGatewayRss =
      result.non2xx > 0
        ? { notAvailable: `${result.non2xx} of ${result.requests} answers not 2xx` }
        : { value: result.rssPeak[gateway.name] ?? Number.NaN };
  }
  return { products, firstPageP50, laterPageP50, streamedGatewayRss };
}
