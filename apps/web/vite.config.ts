import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The API serves the built app in production; in development Vite proxies /api to it.
export default defineConfig({
  plugins: [react()],
  build: { outDir: 'dist', sourcemap: true },
  server: { proxy: { '/api': 'http://localhost:3000' } },
});
