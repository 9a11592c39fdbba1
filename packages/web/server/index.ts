export { ensureWebBuild, ensureWebBuildIn, webDistDir } from "./web-assets.ts";
