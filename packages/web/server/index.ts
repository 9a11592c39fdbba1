export { type ServeDashboardOptions, serveDashboard } from "./serve-dashboard.ts";
export { ensureWebBuild, ensureWebBuildIn, webDistDir } from "./web-assets.ts";
