import { defineConfig, loadEnv } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

// In development Vite proxies the API to VITE_API_PROXY; in production the server serves this build
// at / on its own port, so the client only ever uses relative URLs (/graphql, /health).
export default defineConfig(({ mode }) => {
  const env = loadEnv(mode, process.cwd(), 'VITE_');
  const target = env.VITE_API_PROXY || 'http://localhost:3000';
  return {
    plugins: [react()],
    resolve: {
      // The shared workspace is compiled to CommonJS for the server; the client bundles its ES source
      // directly so that unused exports are tree-shaken.
      alias: { '@partneratlas/shared': fileURLToPath(new URL('../shared/src/index.ts', import.meta.url)) },
    },
    server: {
      port: 5173,
      proxy: {
        '/graphql': { target, changeOrigin: true },
        '/health': { target, changeOrigin: true },
      },
    },
    build: {
      target: 'es2022',
      sourcemap: true,
      // The entry chunk holds React, Apollo, the router and both languages' messages (about 610 kB before gzip).
      chunkSizeWarningLimit: 700,
    },
  };
});
