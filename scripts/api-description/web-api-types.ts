import path from "node:path";
import { fileURLToPath } from "node:url";
import { stockwizApiDocument } from "@stockwiz/api-gateway";
import openapiTS, { astToString, type OpenAPI3 } from "openapi-typescript";

const repositoryRoot = fileURLToPath(new URL("../..", import.meta.url));

/** The dashboard's API types, generated and committed; its typed client is made from them. */
export const webApiTypesFile = path.join(repositoryRoot, "packages/web/src/api/schema.d.ts");

const header = `/**
 * The StockWiz API's types, generated from the document the gateway serves at /openapi.json by
 * \`npm run generate:api-types\` (openapi-typescript). Do not edit: change the route tables and
 * their zod schemas, then generate again (a test fails while this file is stale).
 */

`;

/** What `webApiTypesFile` must hold for the current route tables. */
export async function webApiTypesSource(): Promise<string> {
  const ast = await openapiTS(stockwizApiDocument() as unknown as OpenAPI3, { silent: true });
  return header + astToString(ast);
}
