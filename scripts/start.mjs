// `npm start`: build the UI and the Electron shell, launch it. When Electron cannot be obtained or started (no
// binary, offline, no display), say so in one line and run `kubedeck serve --open` instead: the same UI in the
// system browser.
//
// better-sqlite3 13 ships N-API prebuilds (prebuilds/<platform>-<arch>.node), which load unchanged in Node and in
// Electron, so there is no second build for Electron's ABI and `npm test` / `npm start` work in either order.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureCliBuild } from './build-cli.mjs';
import { buildElectron } from './build-electron.mjs';
import { buildRenderer } from './build-renderer.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
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
  const env = { ...process.env };
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
