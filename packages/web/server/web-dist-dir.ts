import { fileURLToPath } from "node:url";

/**
 * Absolute path of the built dashboard in this checkout: `index.html` plus `assets/`, written by
 * `npm run build:web`. All a server needs of this package: it serves the folder, never builds it.
 */
export const webDistDir = fileURLToPath(new URL("../dist", import.meta.url));
