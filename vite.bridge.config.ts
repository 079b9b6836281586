import { resolve } from 'node:path';
import { defineConfig } from 'vite';

/** The loopback shell's bridge: one classic script that defines window.api before the app loads. */
export default defineConfig({
  build: {
    outDir: 'out/bridge',
    emptyOutDir: true,
    lib: {
      entry: resolve(import.meta.dirname, 'src/bridge/index.ts'),
      formats: ['iife'],
      name: 'SourcebookBridge',
      fileName: () => 'bridge.js',
    },
  },
});
