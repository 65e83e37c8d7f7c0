// The console as a plain web page (`npm run web`, end-to-end tests): the same renderer the desktop app
// loads, built on its own into out/web. Paths are relative to the project root, where npm runs.
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: { outDir: '../out/web', emptyOutDir: true },
  worker: { format: 'es' },
});
