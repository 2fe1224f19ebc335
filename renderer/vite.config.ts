import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('.', import.meta.url));
const port = Number(process.env.PORT ?? 5173);

// Relative base so the same build loads from the desktop shell's app:// scheme and from a
// plain static server in web mode.
export default defineConfig({
  root,
  base: './',
  plugins: [react()],
  assetsInclude: ['**/*.gpkg'],
  build: {
    outDir: fileURLToPath(new URL('../dist/renderer', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 4000,
    sourcemap: true,
  },
  server: { host: '127.0.0.1', port, fs: { allow: [fileURLToPath(new URL('..', import.meta.url))] } },
  preview: { host: '127.0.0.1', port, strictPort: true },
});
