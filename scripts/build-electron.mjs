// Bundles the Electron shell into dist-electron/: main.cjs, preload.cjs (sandboxed, so one self-contained file)
// and core-host.cjs (the utility process that loads the TypeScript core with tsx).
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));

export async function buildElectron() {
  const common = {
    absWorkingDir: root,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node22',
    packages: 'external',
    logLevel: 'warning',
  };
  await Promise.all([
    build({ ...common, entryPoints: ['electron/main.ts'], outfile: 'dist-electron/main.cjs' }),
    build({ ...common, entryPoints: ['electron/preload.ts'], outfile: 'dist-electron/preload.cjs' }),
    build({ ...common, entryPoints: ['electron/core-host.ts'], outfile: 'dist-electron/core-host.cjs' }),
  ]);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildElectron();
