import * as z from "zod";
import { productSchema } from "../products/product-schemas.ts";

export const stockSummarySchema = z
  .object({
    quantity: z.number().int(),
    warehouse: z.string().nullable(),
  })
  .meta({ id: "StockSummary" });

/** The gateway's view: a product plus its stock; `inventory` is absent when it has no stock row. */
export const mergedProductSchema = productSchema
  .extend({ inventory: stockSummarySchema.optional() })
  .meta({ id: "MergedProduct" });
export type MergedProduct = z.infer<typeof mergedProductSchema>;
