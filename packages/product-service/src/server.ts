import { runMain, startService } from "@stockwiz/adapters";
import { productService } from "./product-service.ts";

runMain(() => startService(productService));
