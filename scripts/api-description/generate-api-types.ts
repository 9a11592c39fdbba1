/**
 * `npm run generate:api-types`: writes the dashboard's API types from the gateway's API
 * description, so that its typed client (openapi-fetch) follows the routes' zod schemas.
 */
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { webApiTypesFile, webApiTypesSource } from "./web-api-types.ts";

await writeFile(webApiTypesFile, await webApiTypesSource());
console.log(path.relative(process.cwd(), webApiTypesFile));
