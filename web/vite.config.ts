// Vite config for the web app: `vite build --config web/vite.config.ts` from the repo root → web/dist.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { precompress } from './precompress';

const webRoot = fileURLToPath(new URL('.', import.meta.url));
const apiTarget = process.env.API_URL ?? 'http://127.0.0.1:4000';
const apiPaths =
  '^/(user_login|business_login|order|cancel_order|get_orders|set-menu-and-instore|healthz|readyz|metrics|openapi\\.json|docs)([/?]|$)';

export default defineConfig({
  root: webRoot,
  publicDir: 'public',
  plugins: [svelte(), precompress()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    assetsInlineLimit: 0,
  },
  server: {
    port: 5173,
    strictPort: true,
    // Everything the API answers besides the app itself: GraphQL (and its WebSocket), the REST
    // routes, health, metrics and the API reference.
    proxy: {
      '/graphql': { target: apiTarget, ws: true, changeOrigin: true },
      [apiPaths]: { target: apiTarget, changeOrigin: true },
    },
  },
  preview: { port: 4173 },
});
