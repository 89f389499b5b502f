import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig, type Connect, type Plugin } from 'vite';

/** `/ballot` is its own HTML entry (ballot.html), as the server serves it in production. */
function ballotEntry(): Plugin {
  const rewrite: Connect.NextHandleFunction = (req, _res, next) => {
    if (req.url && /^\/ballot\/?(\?|$)/.test(req.url))
      req.url = req.url.replace(/^\/ballot\/?/, '/ballot.html');
    next();
  };
  return {
    name: 'ballot-entry',
    configureServer: (server) => void server.middlewares.use(rewrite),
    configurePreviewServer: (server) => void server.middlewares.use(rewrite),
  };
}

export default defineConfig({
  plugins: [react(), ballotEntry()],
  server: {
    proxy: {
      '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false },
    },
  },
  preview: {
    proxy: {
      '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // the manifest lets scripts/check-bundle.mjs measure what the ballot page loads
    manifest: true,
    // antd stays in the chunks of the pages that use it (no forced vendor group): the public ballot
    // page then loads only the few components it needs.
    chunkSizeWarningLimit: 1400,
    rollupOptions: {
      input: {
        main: resolve(import.meta.dirname, 'index.html'),
        ballot: resolve(import.meta.dirname, 'ballot.html'),
      },
    },
  },
});
