import type { ColumnType, Generated, Kysely, Selectable, Transaction } from "kysely";

/** numeric(10,2) travels as a string from PostgreSQL and is accepted as a number on the way in. */
type Numeric = ColumnType<string, number, number>;
/** Defaults to now() on insert; selected as a Date. */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface ProductsTable {
  id: Generated<number>;
  name: string;
  description: string | null;
  price: Numeric;
  category: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface InventoryTable {
  id: Generated<number>;
  product_id: number;
  quantity: Generated<number>;
  warehouse: string | null;
  last_updated: Timestamp;
  version: Generated<number>;
}

export interface StockMovementsTable {
  id: Generated<string>; // bigserial: int8 travels as a string
  inventory_id: number;
  delta: number;
  quantity_after: number;
  reason: string | null;
  request_id: string | null;
  created_at: Timestamp;
}

export interface IdempotencyKeysTable {
  key: string;
  scope: string;
  request_hash: string;
  status: number;
  body: string | null;
  created_at: Timestamp;
}

export interface Database {
  products: ProductsTable;
  inventory: InventoryTable;
  stock_movements: StockMovementsTable;
  idempotency_keys: IdempotencyKeysTable;
}

// Rows as selected; inserts and updates are typed by Kysely from the table interfaces above.
export type ProductRow = Selectable<ProductsTable>;
export type InventoryRow = Selectable<InventoryTable>;
export type StockMovementRow = Selectable<StockMovementsTable>;

/** Query functions take either the pool or a transaction: the caller owns the transaction. */
export type Db = Kysely<Database> | Transaction<Database>;
