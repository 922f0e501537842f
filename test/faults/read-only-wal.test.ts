/**
 * Issue #22, 12: a database in a read-only folder, left with a -wal by a session that did not close and no -shm,
 * was reported as "damaged". SQLite cannot read such a WAL where it may not create the -shm; Kubedeck now reads a
 * private copy of both files, with the commits still in the -wal, and creates nothing beside them.
 *
 * A read-only folder stops only a user that is not root; as root the CLI runs as `nobody` (setpriv), so the test
 * means the same on a developer's machine and in a root container.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { kubedeck } from '../support/cli.ts';
import { tmpDir, writeFiles } from '../support/tmp.ts';

const BIN = join(import.meta.dirname, '..', '..', 'bin', 'kubedeck.mjs');
const asRoot = process.getuid?.() === 0;
const setpriv = ['/usr/bin/setpriv', '/bin/setpriv'].find(existsSync);
const NOBODY = 65534;

/** The CLI as a user the folder's mode applies to. */
function kubedeckAsUser(args: string[]) {
  const cmd = asRoot
    ? [setpriv!, `--reuid=${NOBODY}`, `--regid=${NOBODY}`, '--clear-groups', process.execPath, BIN, ...args]
    : [process.execPath, BIN, ...args];
  const r = spawnSync(cmd[0]!, cmd.slice(1), {
    encoding: 'utf8',
    env: { ...process.env, KUBEDECK_NO_BUNDLED: '1', HOME: '/tmp' },
    timeout: 60_000,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

let locked: string | undefined;
afterEach(() => {
  if (locked) chmodSync(locked, 0o755);
  locked = undefined;
});

/**
 * As root, `nobody` must be able to run this Node and read the project (a checkout under /root is closed to it):
 * asked once, and the test says so when it cannot run.
 */
function nobodyCanRunTheCli(): boolean {
  if (!asRoot) return true;
  if (!setpriv) return false;
  const r = spawnSync(setpriv, [
    `--reuid=${NOBODY}`,
    `--regid=${NOBODY}`,
    '--clear-groups',
    process.execPath,
    '-e',
    `require('fs').accessSync(${JSON.stringify(BIN)})`,
  ]);
  return r.status === 0;
}

describe.skipIf(!nobodyCanRunTheCli())(
  'a read-only folder with a leftover -wal and no -shm (issue #22, 12)',
  () => {
    it('reads the collection with the commits still in the -wal, and leaves the folder as it was', () => {
      const dir = tmpDir();
      const db = join(dir, 'k.sqlite');
      writeFiles(dir, { 'notes/a.md': '# Ports\n\nkube-apiserver 포트 :: 6443\netcd 포트 :: 2379\n' });
      expect(kubedeck(['import', join(dir, 'notes'), '--db', db]).code).toBe(0);
      // A session that does not close: its last change stays in the -wal (no checkpoint), and the -shm goes.
      const crash = spawnSync(
        process.execPath,
        [
          '-e',
          `const D = require('better-sqlite3'); const db = new D(${JSON.stringify(db)});
         db.pragma('wal_autocheckpoint = 0');
         db.prepare("UPDATE cards SET answer = '6443 (from the wal)' WHERE answer = '6443'").run();
         process.exit(0);`,
        ],
        { cwd: join(import.meta.dirname, '..', '..'), encoding: 'utf8' },
      );
      expect(crash.status).toBe(0);
      expect(readFileSync(`${db}-wal`).length).toBeGreaterThan(0);
      rmSync(`${db}-shm`, { force: true });
      for (const f of readdirSync(dir)) if (f.startsWith('k.sqlite')) chmodSync(join(dir, f), 0o444);
      chmodSync(dir, 0o555);
      locked = dir;
      const before = readdirSync(dir).sort();
      const walBytes = readFileSync(`${db}-wal`);

      const r = kubedeckAsUser(['cards', '--json', '--db', db]);
      expect(r.stderr).not.toMatch(/damaged|unable to open/);
      expect(r.code).toBe(0);
      const answers = (JSON.parse(r.stdout) as { cards: { answer: string }[] }).cards.map((c) => c.answer);
      expect(answers).toContain('6443 (from the wal)');
      // Nothing created or changed beside the database.
      expect(readdirSync(dir).sort()).toEqual(before);
      expect(readFileSync(`${db}-wal`).equals(walBytes)).toBe(true);
    });
  },
);
