import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('./renderer', import.meta.url));

// One build serves both ways in: `kubedeck serve` (http://127.0.0.1) and Electron (app://kubedeck).
// Relative asset paths keep it independent of where it is mounted.
export default defineConfig(({ command }) => ({
  root,
  base: './',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('./dist-renderer', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      output: {
        // V8's explicit compile hint: the first screen calls most of the entry bundle's functions, so V8 compiles
        // them all while it parses the file off the main thread, instead of one by one on the main thread as each
        // is first called. After minification, which would drop a comment.
        postBanner: (chunk) => (chunk.isEntry ? '//# allFunctionsCalledOnLoad' : ''),
      },
    },
  },
  server: { host: '127.0.0.1' },
  // vitest sets NODE_ENV=test, and the e2e harness builds the UI from inside a test run: a build must still get
  // React's production code (the development build is several times slower and is what serve would then ship).
  define: command === 'build' ? { 'process.env.NODE_ENV': JSON.stringify('production') } : {},
}));
