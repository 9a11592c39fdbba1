import { createServiceLambda } from "@stockwiz/adapters";
import { productService } from "./product-service.ts";

// Top-level await: the init phase opens the stores and readies the app, once per environment.
export const { handler } = await createServiceLambda(productService);
