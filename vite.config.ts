import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * The page lives in client/ and is built into dist/client, which server/app.ts
 * serves (with a single-page fallback). In dev, /graphql goes to the app server.
 */
export default defineConfig({
  root: 'client',
  plugins: [react()],
  build: {
    outDir: '../dist/client',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
  },
  server: {
    proxy: { '/graphql': 'http://localhost:4000' },
  },
});
