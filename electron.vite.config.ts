// Builds the three processes' bundles into out/: main (+ the browser-preview host), a sandbox-safe CommonJS
// preload, and the three renderer pages.
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

const root = import.meta.dirname;

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rolldownOptions: {
        input: {
          index: resolve(root, 'electron/main/index.ts'),
          // The preview host runs the same core under plain Node (see electron/preview/).
          preview: resolve(root, 'electron/preview/server.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload can only `require` a few Electron modules: bundle everything (zod included) into one file.
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: resolve(root, 'electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(root, 'renderer'),
    plugins: [react()],
    build: {
      outDir: resolve(root, 'out/renderer'),
      minify: true,
      rolldownOptions: {
        input: {
          overlay: resolve(root, 'renderer/overlay.html'),
          wrapup: resolve(root, 'renderer/wrapup.html'),
          review: resolve(root, 'renderer/review.html'),
        },
      },
    },
  },
});
