import { useCallback, useEffect, useRef, useState } from "preact/hooks";
import { ApiError } from "../api/api-error.ts";
import type { MergedProduct, StockRow } from "../api/api-schemas.ts";
import { listProductsWithStock, listStockRows } from "../api/stockwiz-api.ts";

export interface DashboardData {
  /** Undefined until the first successful load; kept when a later load fails. */
  products: MergedProduct[] | undefined;
  inventory: StockRow[] | undefined;
  productsError: ApiError | undefined;
  inventoryError: ApiError | undefined;
  loading: boolean;
  reload: (forceRefresh?: boolean) => Promise<void>;
}

/** Loads products (merged with stock) and stock rows side by side; one failing does not hide the other. */
export function useDashboardData(): DashboardData {
  const [products, setProducts] = useState<MergedProduct[]>();
  const [inventory, setInventory] = useState<StockRow[]>();
  const [productsError, setProductsError] = useState<ApiError>();
  const [inventoryError, setInventoryError] = useState<ApiError>();
  const [loading, setLoading] = useState(true);
  const latestLoad = useRef(0);

  const reload = useCallback(async (forceRefresh = false) => {
    // A slow older answer must not overwrite a newer one.
    const load = ++latestLoad.current;
    setLoading(true);
    const [productsResult, inventoryResult] = await Promise.allSettled([
      listProductsWithStock(forceRefresh).then(requireList),
      listStockRows().then(requireList),
    ]);
    if (load !== latestLoad.current) return;
    if (productsResult.status === "fulfilled") setProducts(productsResult.value);
    if (inventoryResult.status === "fulfilled") setInventory(inventoryResult.value);
    setProductsError(failureOf(productsResult));
    setInventoryError(failureOf(inventoryResult));
    setLoading(false);
  }, []);

  useEffect(() => {
    void reload();
  }, [reload]);

  return { products, inventory, productsError, inventoryError, loading, reload };
}

function requireList<T>(body: T[]): T[] {
  if (!Array.isArray(body)) throw new ApiError(502, undefined, "The answer was not a list");
  return body;
}

function failureOf(result: PromiseSettledResult<unknown>): ApiError | undefined {
  if (result.status === "fulfilled") return undefined;
  const reason: unknown = result.reason;
  return reason instanceof ApiError ? reason : new ApiError(500, undefined, String(reason));
}
