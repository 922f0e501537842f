// `npm start`: build the UI and the Electron shell, give Electron its own better-sqlite3 build, launch it.
// When Electron cannot be obtained or started (no binary, offline, no display), say so in one line and run
// `kubedeck serve --open` instead: the same UI in the system browser.
//
// Node (tests, CLI) keeps node_modules/better-sqlite3 as npm built it; Electron's copy lives in
// .electron-native/electron-<version>/ and is loaded through better-sqlite3's nativeBinding option
// (KUBEDECK_SQLITE_BINDING), so `npm test` and `npm start` work in either order with no manual rebuild.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureCliBuild } from './build-cli.mjs';
import { buildElectron } from './build-electron.mjs';
import { buildRenderer } from './build-renderer.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(import.meta.url);
const userArgs = process.argv.slice(2);
const log = (s) => process.stderr.write(`npm start: ${s}\n`);

function electronBinary() {
  const dir = join(root, 'node_modules', 'electron');
  const pathFile = join(dir, 'path.txt');
  const find = () => {
    if (process.env.ELECTRON_OVERRIDE_DIST_PATH)
      return join(process.env.ELECTRON_OVERRIDE_DIST_PATH, 'electron');
    if (!existsSync(pathFile)) return null;
    const p = join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
    return existsSync(p) ? p : null;
  };
  if (find()) return find();
  if (!existsSync(join(dir, 'install.js'))) return null;
  // Electron 45 downloads its binary on first use; bounded so an offline machine falls back quickly.
  const r = spawnSync(process.execPath, [join(dir, 'install.js')], {
    cwd: dir,
    stdio: 'ignore',
    timeout: 120_000,
  });
  return r.status === 0 ? find() : null;
}

async function electronSqlite(electronVersion) {
  const sqliteVersion = require('better-sqlite3/package.json').version;
  const base = join(root, '.electron-native', `electron-${electronVersion}-sqlite-${sqliteVersion}`);
  const mod = join(base, 'node_modules', 'better-sqlite3');
  const binding = join(mod, 'build', 'Release', 'better_sqlite3.node');
  if (existsSync(binding)) return binding;
  mkdirSync(base, { recursive: true });
  writeFileSync(
    join(base, 'package.json'),
    JSON.stringify({
      name: 'kubedeck-electron-native',
      private: true,
      dependencies: { 'better-sqlite3': sqliteVersion },
    }),
  );
  const src = join(root, 'node_modules', 'better-sqlite3');
  cpSync(src, mod, { recursive: true, filter: (p) => !p.startsWith(join(src, 'build')) });
  // 1) a prebuilt binary for Electron's ABI; 2) compile against Electron's headers.
  const pre = spawnSync(
    process.execPath,
    [require.resolve('prebuild-install/bin.js'), '--runtime', 'electron', '--target', electronVersion],
    { cwd: mod, stdio: 'ignore', timeout: 120_000 },
  );
  if (pre.status === 0 && existsSync(binding)) return binding;
  try {
    const { rebuild } = await import('@electron/rebuild');
    await rebuild({ buildPath: base, electronVersion, onlyModules: ['better-sqlite3'], force: true });
  } catch {
    return null;
  }
  return existsSync(binding) ? binding : null;
}

function fallback(reason) {
  log(`${reason}; opening the same UI in your browser with kubedeck serve --open instead.`);
  const child = spawn(process.execPath, [join(root, 'bin', 'kubedeck.mjs'), 'serve', '--open', ...userArgs], {
    cwd: root,
    stdio: 'inherit',
  });
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
  child.on('exit', (code) => process.exit(code ?? 0));
}

async function main() {
  await ensureCliBuild(); // the `kubedeck serve --open` fallback runs the built CLI
  await buildRenderer();
  await buildElectron();
  const electron = electronBinary();
  if (!electron) return fallback('Electron is not available (its binary could not be downloaded)');
  const electronVersion = require('electron/package.json').version;
  const binding = await electronSqlite(electronVersion);
  if (!binding)
    return fallback(`better-sqlite3 could not be built for Electron ${electronVersion} (offline?)`);

  const env = { ...process.env, KUBEDECK_SQLITE_BINDING: binding };
  delete env.ELECTRON_RUN_AS_NODE;
  const started = Date.now();
  let stderr = '';
  const child = spawn(electron, [root, ...userArgs], {
    cwd: root,
    env,
    stdio: ['inherit', 'inherit', 'pipe'],
  });
  child.stderr.on('data', (c) => {
    stderr += c.toString();
    process.stderr.write(c);
  });
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
  child.on('error', (e) => fallback(`Electron could not start (${e.message})`));
  child.on('exit', (code, signal) => {
    // A quick failure is a start-up problem (no display, missing libraries), not the learner quitting.
    if (code !== 0 && signal === null && Date.now() - started < 10_000) {
      const why = stderr.trim().split('\n').pop() ?? `exit ${code}`;
      return fallback(`Electron could not start (${why.slice(0, 160)})`);
    }
    process.exit(code ?? 0);
  });
}

main().catch((e) => {
  log(`could not start: ${e.message}`);
  process.exit(1);
});
