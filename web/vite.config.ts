/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * The web app. In development `vite` serves it on :5173 and forwards /api to the server on :3000;
 * in production the server serves web/dist itself (same origin, strict CSP).
 */
export default defineConfig({
  plugins: [react()],
  server: {
    proxy: {
      '/api': { target: 'http://localhost:3000', changeOrigin: true },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    // Keep CSP-friendly output: no inline <script>, no modulepreload polyfill injected inline.
    modulePreload: { polyfill: false },
    // MapLibre alone is ~800 kB minified; it lives in its own long-cacheable chunk.
    chunkSizeWarningLimit: 1100,
    rollupOptions: {
      output: {
        manualChunks(id) {
          if (id.includes('/node_modules/maplibre-gl/')) return 'maplibre';
          if (/\/node_modules\/(react|react-dom|scheduler|@tanstack)\//.test(id)) return 'vendor';
          return undefined;
        },
      },
    },
  },
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
    environment: 'node',
  },
});
