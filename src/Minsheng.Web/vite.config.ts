import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";

// The console is served by the server itself (same origin as /graphql and the sign-in endpoints). `npm run dev`
// serves it on 5173 and forwards the API to a server on 5080 (both are registered redirect URIs of the console client).
const api = "http://localhost:5080";

export default defineConfig({
  plugins: [react()],
  build: {
    outDir: "dist",
    emptyOutDir: true,
    // ECharts is only in the dashboard's chunk: the signed-in shell stays small.
    chunkSizeWarningLimit: 1200,
  },
  server: {
    port: 5173,
    proxy: { "/graphql": api, "/connect": api, "/account": api, "/.well-known": api },
  },
});
