/**
 * Issue #22 (1, 12): an export never writes over a Kubedeck database or its -wal/-shm, and a folder or a missing
 * folder as --out is one clear line naming the file, in the learner's language.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { kubedeck } from '../support/cli.ts';
import { type ApiServer, startApiServer } from '../support/serve.ts';
import { tmpDir, writeFiles } from '../support/tmp.ts';

const sha = (p: string) => createHash('sha1').update(readFileSync(p)).digest('hex');

let dir: string;
let db: string;
beforeAll(() => {
  dir = tmpDir();
  db = join(dir, 'k.sqlite');
  writeFiles(dir, {
    'notes/a.md': '# Net\n\n- **kube-proxy** runs on every node\n- **CoreDNS** answers DNS\n',
  });
  const r = kubedeck(['import', join(dir, 'notes'), '--db', db]);
  expect(r.code, r.stderr).toBe(0);
});

describe('export --out never names a database (issue #22, 1)', () => {
  it('refuses the live database, exit 2, and leaves it byte for byte', () => {
    const before = sha(db);
    for (const format of ['csv', 'json', 'apkg']) {
      const r = kubedeck(['export', '--format', format, '--out', db, '--db', db]);
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toContain(`${db}: is a Kubedeck database`);
      expect(sha(db)).toBe(before);
    }
    const cards = kubedeck(['cards', '--json', '--db', db]);
    expect(cards.code, cards.stderr).toBe(0);
  });

  it('refuses its -wal and -shm, and another Kubedeck database, in Korean too', () => {
    const other = join(dir, 'other.sqlite');
    expect(kubedeck(['decks', '--db', other]).code).toBe(0);
    const before = sha(other);
    for (const out of [`${db}-wal`, `${db}-shm`, other]) {
      const r = kubedeck(['export', '--format', 'csv', '--out', out, '--db', db, '--lang', 'ko']);
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toContain('데이터베이스');
    }
    expect(sha(other)).toBe(before);
  });

  it('over HTTP too: export/run with out = the database answers an error and writes nothing', async () => {
    const d = tmpDir();
    const live = join(d, 'k.sqlite');
    const server: ApiServer = await startApiServer(live);
    try {
      const before = sha(live);
      const r = await server.post('export/run', { format: 'csv', out: live });
      expect(r.ok).toBe(false);
      expect(r.error?.code).toBe('export-over-database');
      expect(sha(live)).toBe(before);
      expect((await server.post('decks/list')).ok).toBe(true);
    } finally {
      await server.stop();
    }
  });
});

describe('export to a folder or a missing folder (issue #22, 12)', () => {
  it('names the file and says what to do instead of EISDIR / ENOENT', () => {
    const folder = join(dir, 'out');
    mkdirSync(folder);
    const a = kubedeck(['export', '--format', 'csv', '--out', folder, '--db', db]);
    expect(a.code).toBe(2);
    expect(a.stderr).toContain(`${folder}: is a folder`);
    expect(a.stderr).not.toMatch(/EISDIR/);
    const missing = join(dir, 'nope', 'x.csv');
    const b = kubedeck(['export', '--format', 'json', '--out', missing, '--db', db]);
    expect(b.code).toBe(2);
    expect(b.stderr).toContain(`${missing}: the folder ${join(dir, 'nope')} does not exist`);
    expect(b.stderr).not.toMatch(/ENOENT/);
    expect(existsSync(join(dir, 'nope'))).toBe(false);
  });
});
