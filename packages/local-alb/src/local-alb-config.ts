import { logLevelSchema } from "@stockwiz/adapters";
import * as z from "zod";
import { type FunctionName, functionNames } from "./lambda-artefacts.ts";

const port = z.coerce.number().int().min(0).max(65_535);

const functionList = z
  .string()
  .default("")
  .transform((value) =>
    value
      .split(",")
      .map((name) => name.trim())
      .filter((name) => name !== ""),
  )
  .pipe(z.array(z.enum(functionNames as [FunctionName, ...FunctionName[]])));

export const localAlbEnvSchema = z.object({
  HOST: z.string().min(1).default("127.0.0.1"),
  /** The listener with the rules, as port 80 of the real ALB. */
  ALB_PORT: port.default(8000),
  /**
   * One listener per service whose default action is that service's function: what the
   * gateway's upstream URLs name (the rules would send `GET /products` back to the gateway).
   * The containers' ports by default; 0 picks a free one.
   */
  PRODUCT_SERVICE_PORT: port.default(8001),
  INVENTORY_SERVICE_PORT: port.default(8002),
  /** Target groups with `lambda.multi_value_headers.enabled`; none by default, as on AWS. */
  ALB_MULTI_VALUE_HEADERS: functionList,
  /** Prebuilt function folders; unset: dist/lambda, built first when missing or stale. */
  LAMBDA_ARTEFACTS_DIR: z.string().min(1).optional(),
  LOG_LEVEL: logLevelSchema,
});
