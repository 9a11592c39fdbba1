/** Wire shapes of the StockWiz API (see CONTRACT.md §3). */
export interface Product {
  id: number;
  name: string;
  description: string | null;
  price: number;
  category: string | null;
}

export interface ProductStock {
  quantity: number;
  warehouse: string | null;
}

/** The gateway's merged view; `inventory` is absent when the product has no stock row. */
export interface ProductWithStock extends Product {
  inventory?: ProductStock;
}

export interface InventoryRow {
  id: number;
  product_id: number;
  quantity: number;
  warehouse: string | null;
  last_updated: string;
}

/** What a form sends; the API validates it (a null price is refused there, with a field error). */
export interface ProductChanges {
  name?: string;
  description?: string | null;
  price?: number | null;
  category?: string | null;
}

export interface NewStockRow {
  product_id: number;
  quantity?: number | null;
  warehouse?: string;
}

export interface StockRowChanges {
  quantity?: number | null;
  warehouse?: string;
}

/** One entry of a stock row's ledger (servers with the adjust endpoint keep one). */
export interface StockMovement {
  id: number;
  inventory_id: number;
  delta: number;
  quantity_after: number;
  reason: string | null;
  created_at: string;
}
