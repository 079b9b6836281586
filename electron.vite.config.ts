import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      externalizeDeps: { exclude: ['zod'] },
      // zod is bundled so only the parts the contract uses are loaded: a CLI command starts faster.
      // Workers are their own entries (out/main/<name>-worker.js, found by services/workers.ts next to the bundle that starts them).
      // The CLI is built after this, as CommonJS, into the same folder (vite.cli.config.ts).
      rollupOptions: {
        input: {
          index: resolve(import.meta.dirname, 'src/main/index.ts'),
          'import-worker': resolve(import.meta.dirname, 'src/main/services/import/worker.ts'),
          'search-worker': resolve(import.meta.dirname, 'src/main/services/search/worker.ts'),
          'export-worker': resolve(import.meta.dirname, 'src/main/services/export/worker.ts'),
          'markdown-worker': resolve(import.meta.dirname, 'src/main/services/markdown/worker.ts'),
        },
        output: { chunkFileNames: '[name]-[hash].js' },
      },
    },
  },
  preload: {
    build: {
      // A sandboxed preload can require only electron itself, so the contract and zod are bundled in.
      externalizeDeps: false,
      outDir: 'out/preload',
      // Sandboxed preloads must be CommonJS, in one file.
      rollupOptions: {
        input: { index: resolve(import.meta.dirname, 'src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(import.meta.dirname, 'src/renderer'),
    plugins: [react()],
    build: {
      outDir: resolve(import.meta.dirname, 'out/renderer'),
      rollupOptions: { input: { index: resolve(import.meta.dirname, 'src/renderer/index.html') } },
    },
  },
});
