// Builds the web app into apps/web/dist, which the API serves. In development Vite proxies /api to
// the API on port 8080, so the browser always talks same-origin (cookies and CSRF work as in production).
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";
import { VitePWA } from "vite-plugin-pwa";

export default defineConfig({
  plugins: [
    react(),
    VitePWA({
      registerType: "autoUpdate",
      // An external registerSW.js keeps the Content-Security-Policy free of inline scripts.
      injectRegister: "script",
      includeAssets: ["favicon.svg", "apple-touch-icon.png"],
      manifest: {
        name: "Vindplaats",
        short_name: "Vindplaats",
        description: "Registratie voor outreachend werk",
        lang: "nl-BE",
        start_url: "/",
        scope: "/",
        display: "standalone",
        theme_color: "#1f5f5b",
        background_color: "#f6f5f1",
        icons: [
          { src: "icon-192.png", sizes: "192x192", type: "image/png" },
          { src: "icon-512.png", sizes: "512x512", type: "image/png" },
          { src: "icon-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
          { src: "favicon.svg", sizes: "any", type: "image/svg+xml" },
        ],
      },
      workbox: {
        // Precache the app shell and every screen's chunk, so the app opens without network after one
        // online sign-in. API responses hold confidential data and are never cached, with one exception:
        // the caller's own session view (account, teams, CSRF token; no person data), network first,
        // so the shell can start offline. A 401 or a sign-out drops it (src/offline/device.ts too).
        globPatterns: ["**/*.{js,css,html,svg,png,woff2,webmanifest}"],
        navigateFallback: "index.html",
        navigateFallbackDenylist: [/^\/api\//],
        // Take over the open page at once, so the first online visit already primes the caches.
        clientsClaim: true,
        runtimeCaching: [
          {
            urlPattern: ({ url }) => url.pathname === "/api/v1/auth/session",
            handler: "NetworkFirst",
            options: {
              cacheName: "vp-session",
              networkTimeoutSeconds: 5,
              cacheableResponse: { statuses: [200] },
              plugins: [
                {
                  fetchDidSucceed: async ({ request, response }) => {
                    if (response.status === 401) await (await caches.open("vp-session")).delete(request.url);
                    return response;
                  },
                },
              ],
            },
          },
          {
            urlPattern: ({ url }) =>
              url.pathname === "/api/v1/auth/sign-out" || url.pathname === "/api/v1/auth/sign-out-everywhere",
            method: "POST",
            handler: "NetworkOnly",
            options: {
              plugins: [
                {
                  fetchDidSucceed: async ({ response }) => {
                    if (response.ok) await caches.delete("vp-session");
                    return response;
                  },
                },
              ],
            },
          },
        ],
      },
    }),
  ],
  server: {
    proxy: { "/api": { target: "http://127.0.0.1:8080", changeOrigin: false } },
  },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    sourcemap: false,
    target: "es2022",
    rollupOptions: {
      // The shared contracts are pure declarations (zod schemas, message catalogues). Saying so lets
      // the bundler drop the schemas, and zod with them, when the web app only needs the messages.
      treeshake: { moduleSideEffects: (id) => !/[\\/]packages[\\/](contracts|domain)[\\/]/.test(id) },
    },
  },
});
