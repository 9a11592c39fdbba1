export { ensureWebBuild, webDistDir } from "./web-assets.ts";
