import { ensureWebBuild } from "./web-assets.ts";

// `npm start` runs this first (prestart): the gateway serves packages/web/dist and never builds
// it, so a fresh clone or an edited page is built here, outside the gateway's code.
await ensureWebBuild();
