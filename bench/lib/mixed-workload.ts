import { fileURLToPath } from "node:url";
import { type CpuAccount, type LoadResult, type LoadSettings, measure } from "./load.ts";

const mixScript = fileURLToPath(new URL("../wrk-mixed.lua", import.meta.url));

/** One mixed row: measured, or why it could not be (a path of the mix refused). */
export type MixedRow =
  | { readonly label: string; readonly load: LoadResult }
  | { readonly label: string; readonly notAvailable: string };

export interface MixedWorkload {
  readonly products: number;
  readonly withCatalogue: MixedRow;
  readonly withoutCatalogue: MixedRow;
}

export const mixedLabels = {
  with: "mixed: 10 % POST, 10 % PUT, 10 % products-full, 35 % stock by product, 35 % merged",
  without: "mixed without products-full: its 10 % to merged reads (45 %)",
} as const;

/** A path the mix sends; answered once before the row, so a missing API is named, not timed. */
interface Probe {
  method: string;
  path: string;
  body?: unknown;
}

async function refusal(gatewayUrl: string, probes: readonly Probe[]): Promise<string | undefined> {
  for (const probe of probes) {
    const response = await fetch(`${gatewayUrl}${probe.path}`, {
      method: probe.method,
      ...(probe.body === undefined
        ? {}
        : { body: JSON.stringify(probe.body), headers: { "content-type": "application/json" } }),
    });
    await response.arrayBuffer();
    if (response.status >= 400)
      return `not available: ${probe.method} ${probe.path} answered ${response.status}`;
  }
  return undefined;
}

const everyRow: readonly Probe[] = [
  { method: "GET", path: "/api/products/1" },
  { method: "GET", path: "/api/inventory/product/1" },
  { method: "PUT", path: "/api/products/1", body: { price: 10 } },
];

/**
 * The mixed workload of issue 16 on a catalogue already seeded with `products` products, with
 * and without its products-full share, one after the other under the same load settings. A row
 * whose paths refuse (an API not merged yet) is reported as not available.
 */
export async function measureMixedWorkload(
  gatewayUrl: string,
  products: number,
  settings: LoadSettings,
  watch: Record<string, number>,
  cpu: CpuAccount,
): Promise<MixedWorkload> {
  const row = async (label: string, catalogueShare: number, probes: Probe[]) => {
    const refused = await refusal(gatewayUrl, probes);
    if (refused !== undefined) return { label, notAvailable: refused };
    if (settings.generator.name !== "wrk")
      return { label, notAvailable: "not available: the mix is a wrk script" };
    const target = {
      label,
      url: `${gatewayUrl}/`,
      script: {
        path: mixScript,
        env: { WRK_PRODUCTS: String(products), WRK_CATALOGUE_SHARE: String(catalogueShare) },
      },
    };
    return { label, load: await measure(target, settings, watch, cpu) };
  };
  return {
    products,
    withCatalogue: await row(mixedLabels.with, 0.1, [
      ...everyRow,
      { method: "GET", path: "/api/products-full" },
    ]),
    withoutCatalogue: await row(mixedLabels.without, 0, [...everyRow]),
  };
}
