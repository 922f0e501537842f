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
  },
  server: { host: '127.0.0.1' },
  // vitest sets NODE_ENV=test, and the e2e harness builds the UI from inside a test run: a build must still get
  // React's production code (the development build is several times slower and is what serve would then ship).
  define: command === 'build' ? { 'process.env.NODE_ENV': JSON.stringify('production') } : {},
}));
