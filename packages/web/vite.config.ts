import { defineConfig } from "vite";

// The gateway serves index.html at `/` and everything else under `/static/`.
export default defineConfig({
  base: "/static/",
  oxc: { jsx: { runtime: "automatic", importSource: "preact" } },
  build: { outDir: "dist", emptyOutDir: true, target: "es2022" },
  server: {
    // `npm run dev -w @stockwiz/web` talks to a gateway started with `npm start`.
    proxy: { "/api": "http://localhost:8000" },
  },
});
