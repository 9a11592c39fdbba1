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
  /** At or below it a level's available is `low` (stock events). */
  low_stock_threshold: Generated<number>;
}

export interface StockMovementsTable {
  id: Generated<string>; // bigserial: int8 travels as a string
  inventory_id: number;
  delta: number;
  quantity_after: number;
  reason: string | null;
  request_id: string | null;
  created_at: Timestamp;
  location_id: number | null;
  kind: MovementKind;
}

export type MovementKind = "adjust" | "set" | "transfer_in" | "transfer_out" | "commit" | "create";

export interface LocationsTable {
  id: Generated<number>;
  name: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** One product at one location; `reserved` counts the units of held allocations. */
export interface StockLevelsTable {
  id: Generated<number>;
  inventory_id: number;
  product_id: number;
  location_id: number;
  on_hand: Generated<number>;
  reserved: Generated<number>;
  updated_at: Timestamp;
}

export type StoredReservationStatus = "active" | "committed" | "released" | "expired";

export interface ReservationsTable {
  id: Generated<string>;
  status: StoredReservationStatus;
  reference: string | null;
  expires_at: Timestamp;
  created_at: Timestamp;
}

export interface ReservationAllocationsTable {
  id: Generated<string>; // bigserial
  reservation_id: string;
  item_index: number;
  product_id: number;
  level_id: number | null;
  location_id: number | null;
  quantity: number;
  held: boolean;
  /** The reservation's expires_at. */
  expires_at: Timestamp;
}

export interface StockTransfersTable {
  id: Generated<number>;
  product_id: number;
  from_location_id: number;
  to_location_id: number;
  quantity: number;
  reason: string | null;
  created_at: Timestamp;
}

export type StockEventKind = "low" | "out" | "restocked";

/** The outbox of level state changes: written by a trigger on stock_levels, sent after commit. */
export interface StockEventsTable {
  id: Generated<string>; // bigserial
  level_id: number;
  product_id: number;
  location_id: number;
  /** 1, 2, … per level: the order a consumer applies them in. */
  sequence: number;
  kind: StockEventKind;
  available_before: number;
  available_after: number;
  low_stock_threshold: number;
  occurred_at: Timestamp;
  delivered_at: Date | null;
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
  locations: LocationsTable;
  stock_levels: StockLevelsTable;
  reservations: ReservationsTable;
  reservation_allocations: ReservationAllocationsTable;
  stock_transfers: StockTransfersTable;
  stock_events: StockEventsTable;
}

// Rows as selected; inserts and updates are typed by Kysely from the table interfaces above.
export type ProductRow = Selectable<ProductsTable>;
export type InventoryRow = Selectable<InventoryTable>;
export type StockMovementRow = Selectable<StockMovementsTable>;
export type LocationRow = Selectable<LocationsTable>;

/** Query functions take either the pool or a transaction: the caller owns the transaction. */
export type Db = Kysely<Database> | Transaction<Database>;
