import * as z from "zod";
import { boundedText, descriptionMaxLength, idParam, priceMax } from "../db/column-limits.ts";
import { pageQueryFields } from "../paging/page-query.ts";

// `id`: the schema's name in the API description, and so the type's name in generated clients.
export const productSchema = z
  .object({
    id: z.number().int(),
    name: z.string(),
    description: z.string().nullable(),
    price: z.number(),
    category: z.string().nullable(),
  })
  .meta({ id: "Product" });
export type Product = z.infer<typeof productSchema>;

const name = boundedText(255).refine((value) => value.trim().length > 0, "must not be empty");

// Legacy (pydantic) also took a numeric string such as "19.99"; keep accepting it.
const price = z
  .union(
    [
      z.number(),
      z
        .string()
        .regex(/^[0-9]+(\.[0-9]+)?$/)
        .transform(Number),
    ],
    "is required and must be a number",
  )
  .pipe(z.number().min(0.01, "must be greater than 0").max(priceMax));

const description = boundedText(descriptionMaxLength).nullable();
const category = boundedText(100).nullable();

export const createProductBody = z.object({
  name,
  price,
  description: description.optional(),
  category: category.optional(),
});
export type CreateProduct = z.infer<typeof createProductBody>;

export const updateProductBody = z.object({
  name: name.optional(),
  price: price.optional(),
  description: description.optional(),
  category: category.optional(),
});
export type ProductChanges = z.infer<typeof updateProductBody>;

export const productIdParams = z.object({ id: idParam });
export const listProductsQuery = z.object({
  category: boundedText(100).optional(),
  ...pageQueryFields,
});
