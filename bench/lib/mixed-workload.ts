import { fileURLToPath } from "node:url";
import { type CpuAccount, type LoadResult, type LoadSettings, measure } from "./load.ts";

const mixScript = fileURLToPath(new URL("../wrk-mixed.lua", import.meta.url));

export interface MixedRow {
  readonly label: string;
  readonly load: LoadResult;
}

export interface MixedWorkload {
  readonly products: number;
  readonly withCatalogue: MixedRow;
  readonly withoutCatalogue: MixedRow;
}

export const mixedLabels = {
  with: "mixed: 10 % POST, 10 % PUT, 10 % products-full, 35 % stock by product, 35 % merged",
  without: "mixed without products-full: its 10 % to merged reads (45 %)",
} as const;

/**
 * The mixed workload of issue 16 on a catalogue already seeded with `products` products, with
 * and without its products-full share, one after the other under the same load settings. The mix
 * is a wrk script: wrk only.
 */
export async function measureMixedWorkload(
  gatewayUrl: string,
  products: number,
  settings: LoadSettings,
  watch: Record<string, number>,
  cpu: CpuAccount,
): Promise<MixedWorkload> {
  const row = async (label: string, catalogueShare: number): Promise<MixedRow> => {
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
    withCatalogue: await row(mixedLabels.with, 0.1),
    withoutCatalogue: await row(mixedLabels.without, 0),
  };
}
