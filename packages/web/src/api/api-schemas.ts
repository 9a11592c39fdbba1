import type { components, operations } from "./schema.d.ts";

// Names for the generated API types the dashboard passes around; nothing here is written by
// hand: each is a type of the API description (schema.d.ts, `npm run generate:api-types`).
type Schemas = components["schemas"];
type JsonBodyOf<Operation extends keyof operations> = operations[Operation] extends {
  requestBody: { content: { "application/json": infer Body } };
}
  ? Body
  : never;

export type Product = Schemas["Product"];
/** A product with its stock; `inventory` is absent when it has no stock row. */
export type MergedProduct = Schemas["MergedProduct"];
export type StockRow = Schemas["StockRow"];
export type StockMovement = Schemas["StockMovement"];
export type Problem = Schemas["Problem"];
export type Location = Schemas["Location"];
/** One product at one location: on hand, reserved and available units. */
export type StockLevel = Schemas["StockLevel"];
export type Transfer = Schemas["Transfer"];
export type Reservation = Schemas["Reservation"];
/** A level that ran low, ran out or was restocked; `id` is the cursor for newer ones. */
export type StockEvent = Schemas["StockEvent"];
export type LowStockThreshold = Schemas["LowStockThreshold"];

export type NewProduct = JsonBodyOf<"createProduct">;
export type ProductChanges = JsonBodyOf<"updateProduct">;
export type NewStockRow = JsonBodyOf<"createStockRow">;
export type StockRowChanges = JsonBodyOf<"updateStockRow">;
export type StockAdjustment = JsonBodyOf<"adjustStock">;
export type NewTransfer = JsonBodyOf<"createTransfer">;
export type NewReservation = JsonBodyOf<"createReservation">;
