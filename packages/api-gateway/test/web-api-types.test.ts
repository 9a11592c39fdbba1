import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import {
  webApiTypesFile,
  webApiTypesSource,
} from "../../../scripts/api-description/web-api-types.ts";

describe("the dashboard's generated API types", () => {
  it("when the route tables change then the committed types follow (npm run generate:api-types)", async () => {
    const committed = await readFile(webApiTypesFile, "utf8");

    // Compared whole: a stale file types the dashboard's calls against routes that changed.
    expect(committed === (await webApiTypesSource()), "run npm run generate:api-types").toBe(true);
  });
});
