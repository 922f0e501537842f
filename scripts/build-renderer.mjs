// Builds the React UI into dist-renderer/ (used by `kubedeck serve` and the Electron window).
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

export async function buildRenderer() {
  await build({ configFile: fileURLToPath(new URL('../vite.config.ts', import.meta.url)), logLevel: 'warn' });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildRenderer();
