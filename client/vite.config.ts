/// <reference types="vitest/config" />
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

// The family portal is a second entry (family.html) served for /family and /family/*; the
// server does the same rewrite in production.
function familyPortalFallback(): Plugin {
  const rewrite = (url: string | undefined): string | undefined => {
    if (!url) return url;
    const path = url.split('?')[0];
    const isPage = path === '/family' || (path.startsWith('/family/') && !path.slice('/family/'.length).includes('.'));
    return isPage ? '/family.html' : url;
  };
  return {
    name: 'mprc:family-portal-fallback',
    configureServer(server) {
      server.middlewares.use((req, _res, next) => {
        req.url = rewrite(req.url);
        next();
      });
    },
    configurePreviewServer(server) {
      server.middlewares.use((req, _res, next) => {
        req.url = rewrite(req.url);
        next();
      });
    },
  };
}

export default defineConfig({
  root: here('.'),
  plugins: [react(), familyPortalFallback()],
  resolve: {
    alias: [
      { find: /^@mprc\/contracts$/, replacement: here('../contracts/src/index.ts') },
      { find: /^@\//, replacement: `${here('./src')}/` },
    ],
  },
  server: {
    proxy: { '/api': { target: 'http://localhost:3000', changeOrigin: false } },
  },
  preview: {
    proxy: { '/api': { target: 'http://localhost:3000', changeOrigin: false } },
  },
  build: {
    outDir: here('./dist'),
    emptyOutDir: true,
    // scripts/check-bundle-size.mjs reads the manifest to measure what each page loads first.
    manifest: true,
    sourcemap: true,
    rolldownOptions: {
      input: { staff: here('./index.html'), family: here('./family.html') },
      treeshake: {
        // Contracts modules only declare constants and schemas, so one whose exports a page does
        // not use can be left out (their `.meta({ id })` registry entries serve the server's
        // OpenAPI document, not the client). Without this, importing `latinToCyrillic` from the
        // index pulls every schema, and zod, into the family portal.
        moduleSideEffects: [{ test: /[\\/]contracts[\\/]src[\\/]/, sideEffects: false }],
      },
    },
  },
  test: {
    setupFiles: [here('./src/testing/setup-tests.ts')],
    restoreMocks: true,
  },
});
