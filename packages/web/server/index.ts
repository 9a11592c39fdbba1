// For build tools (scripts, bench, stacks): build the page when stale, and where it is written.
// Servers import `@stockwiz/web/dist-dir`, the path alone, and so never load Vite.
export { ensureWebBuild, ensureWebBuildIn } from "./web-assets.ts";
export { webDistDir } from "./web-dist-dir.ts";
