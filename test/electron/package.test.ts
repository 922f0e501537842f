import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ensureRendererBuilt, ROOT } from '../e2e/harness.ts';
import { tmpDir } from '../support/tmp.ts';

/**
 * `npm run dist` cannot fetch Electron here, so this packs the app with electron-builder's `dir` target around a
 * stand-in Electron folder (`electronDist`): everything electron-builder decides — which files and node_modules go
 * in — is real; only the Electron binary is a stub. Then it opens a database with the packaged better-sqlite3
 * (an N-API prebuild, the same file Electron loads).
 */
describe.skipIf(process.platform !== 'linux')('packaged app (electron-builder --linux dir)', () => {
  it('holds the renderer with its Korean font, the shell, the core, the bundled notes and a loadable SQLite', async () => {
    await ensureRendererBuilt();
    const built = spawnSync(process.execPath, [join(ROOT, 'scripts', 'build-electron.mjs')], {
      encoding: 'utf8',
    });
    expect(built.status, built.stderr).toBe(0);
    const work = tmpDir('kubedeck-pack-');
    const fake = join(work, 'electron');
    mkdirSync(fake);
    writeFileSync(join(fake, 'electron'), '#!/bin/sh\n');
    chmodSync(join(fake, 'electron'), 0o755);
    const out = join(work, 'out');
    try {
      const r = spawnSync(
        process.execPath,
        [
          join(ROOT, 'node_modules', 'electron-builder', 'cli.js'),
          '--linux',
          'dir',
          '--publish',
          'never',
          `-c.electronDist=${fake}`,
          `-c.directories.output=${out}`,
        ],
        { cwd: ROOT, encoding: 'utf8', timeout: 240_000 },
      );
      expect(r.status, r.stderr + r.stdout).toBe(0);
      const app = join(out, 'linux-unpacked', 'resources', 'app');
      const has = (p: string) => existsSync(join(app, p));
      expect(existsSync(join(out, 'linux-unpacked', 'kubedeck'))).toBe(true);
      for (const p of [
        'dist-renderer/index.html',
        'dist-electron/main.cjs',
        'dist-electron/preload.cjs',
        'dist-electron/core-host.cjs',
        'core/app.ts',
        'core/i18n/ko.json',
        'db/migrations/0001-initial.sql',
        'content/notes',
        'node_modules/tsx/package.json',
        'node_modules/i18next/package.json',
        'node_modules/better-sqlite3/prebuilds/linux-x64.node',
      ])
        expect(has(p), p).toBe(true);
      const assets = readdirSync(join(app, 'dist-renderer', 'assets'));
      expect(assets.filter((f) => /noto-sans-kr-korean-(400|700)-normal.*\.woff2$/.test(f))).toHaveLength(2);
      // Renderer-only packages are bundled by vite; tests and the old per-ABI build stay out.
      for (const p of [
        'node_modules/@fontsource',
        'node_modules/uplot',
        'node_modules/vitest',
        'test',
        'electron-native',
      ])
        expect(has(p), p).toBe(false);
      expect(existsSync(join(out, 'linux-unpacked', 'resources', 'electron-native'))).toBe(false);

      const Database = createRequire(join(app, 'package.json'))(
        'better-sqlite3',
      ) as typeof import('better-sqlite3');
      const db = new Database(':memory:');
      expect(db.prepare("SELECT 'ok' AS v").get()).toEqual({ v: 'ok' });
      db.close();
      const pkg = JSON.parse(readFileSync(join(app, 'package.json'), 'utf8')) as { main: string };
      expect(pkg.main).toBe('dist-electron/main.cjs');
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  }, 300_000);
});
