import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { openCore } from '../../core/app.ts';
import { kubedeck } from '../support/cli.ts';
import { noteWithCards } from '../support/load.ts';
import { tmpDir, writeFiles } from '../support/tmp.ts';

const sha = (p: string) => createHash('sha1').update(readFileSync(p)).digest('hex');
const SOLUTION = join(
  import.meta.dirname,
  '..',
  '..',
  'content',
  'exercises',
  'service-nodeport',
  'solution.yaml',
);

/** A database with 5 cards and 3 reviews, made in-process (the CLI is what the tests below exercise). */
async function seeded(dir: string, name = 'k.sqlite'): Promise<string> {
  const db = join(dir, name);
  writeFiles(dir, { 'notes/n.md': noteWithCards('seed', 5) });
  const core = openCore({ dbPath: db, bundled: false });
  await core.call('import/run', { paths: [join(dir, 'notes')] });
  const cards = await core.call('cards/list', {});
  for (const c of cards.slice(0, 3))
    await core.call('review/rate', { cardId: c.id, rating: 'good', early: true });
  core.close();
  return db;
}

vi.setConfig({ testTimeout: 120_000 });

describe('bad database files (defect 6)', () => {
  it('refuses a 0-byte --db file in one line and leaves it empty, with nothing beside it', () => {
    const dir = tmpDir();
    const db = join(dir, 'empty.sqlite');
    writeFileSync(db, '');
    const r = kubedeck(['decks', '--db', db]);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/empty\.sqlite: is an empty file \(0 bytes\)/);
    expect(statSync(db).size).toBe(0);
    expect(readdirSync(dir)).toEqual(['empty.sqlite']);
  });

  it('creates a new database only where the path does not exist', () => {
    const dir = tmpDir();
    const r = kubedeck(['decks', '--db', join(dir, 'new.sqlite')]);
    expect(r.code).toBe(0);
    expect(statSync(join(dir, 'new.sqlite')).size).toBeGreaterThan(0);
  });

  it('refuses another program’s WAL-mode database and leaves no -wal or -shm beside it', () => {
    const dir = tmpDir();
    const db = join(dir, 'other.sqlite');
    const other = new Database(db);
    other.pragma('journal_mode = WAL');
    other.exec('CREATE TABLE t (x); INSERT INTO t VALUES (1);');
    other.close();
    const before = sha(db);
    const r = kubedeck(['decks', '--db', db]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/not a Kubedeck database/);
    expect(readdirSync(dir)).toEqual(['other.sqlite']);
    expect(sha(db)).toBe(before);
  });

  it('reports a damaged database in one line naming the newest backup and the restore command, changes nothing, and restore brings it back', async () => {
    const dir = tmpDir();
    const db = await seeded(dir);
    const backup = kubedeck(['backup', '--json', '--db', db]);
    expect(backup.code).toBe(0);
    const taken = (backup.json() as { backup: { path: string; cards: number; reviews: number } }).backup;
    expect(taken).toMatchObject({ cards: 5, reviews: 3 });
    // Cut the file in half, as a failed copy or a full disk would.
    const bytes = readFileSync(db);
    writeFileSync(db, bytes.subarray(0, Math.floor(bytes.length / 2 / 4096) * 4096 || 4096));
    const before = sha(db);
    const listing = readdirSync(dir).sort();
    const r = kubedeck(['cards', '--db', db]);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/damaged/);
    expect(r.stderr).toContain(taken.path);
    expect(r.stderr).toContain(`kubedeck restore "${taken.path}"`);
    expect(sha(db)).toBe(before);
    expect(readdirSync(dir).sort()).toEqual(listing);

    const restored = kubedeck(['restore', taken.path, '--db', db]);
    expect(restored.code, restored.stderr).toBe(0);
    expect(restored.stdout).toMatch(/kept in .*damaged/);
    const cards = kubedeck(['cards', '--json', '--db', db]);
    expect(cards.code).toBe(0);
    expect((cards.json() as { cards: unknown[] }).cards).toHaveLength(5);
  });

  it('reports a database with smashed pages as damaged and names the restore command', async () => {
    const dir = tmpDir();
    const db = await seeded(dir);
    expect(kubedeck(['backup', '--db', db]).code).toBe(0);
    const bytes = readFileSync(db);
    for (let i = 4096 * 2; i < bytes.length; i++) bytes[i] = 0xa5;
    writeFileSync(db, bytes);
    const before = sha(db);
    const r = kubedeck(['decks', '--db', db]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/damaged.*kubedeck restore/);
    expect(sha(db)).toBe(before);
  });

  it('refuses to restore a file that is not a Kubedeck database, and changes nothing', async () => {
    const dir = tmpDir();
    const db = await seeded(dir);
    const before = sha(db);
    writeFileSync(join(dir, 'notes.txt'), 'not a database');
    const other = new Database(join(dir, 'other.sqlite'));
    other.exec('CREATE TABLE t (x)');
    other.close();
    for (const f of ['notes.txt', 'other.sqlite']) {
      const r = kubedeck(['restore', join(dir, f), '--db', db]);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/cannot restore it: not a Kubedeck database/);
    }
    expect(sha(db)).toBe(before);
  });

  it('warns at its line about invalid UTF-8 in an answer file, and still grades it', () => {
    const dir = tmpDir();
    const lines = readFileSync(SOLUTION, 'utf8').split('\n');
    // Line 3 is a comment holding two bytes that are not UTF-8.
    const answer = Buffer.concat([
      Buffer.from(`${lines.slice(0, 2).join('\n')}\n# note `, 'utf8'),
      Buffer.from([0xff, 0xfe]),
      Buffer.from(`\n${lines.slice(2).join('\n')}`, 'utf8'),
    ]);
    writeFileSync(join(dir, 'answer.yaml'), answer);
    const r = kubedeck(['grade', 'service-nodeport', join(dir, 'answer.yaml')]);
    expect(r.stderr).toContain(`${join(dir, 'answer.yaml')}:3: invalid UTF-8`);
    expect(r.code).toBe(0);
  });
});

/** A tmpfs mounted read-only (root), else a folder without write permission (others); null where neither works. */
function readOnlyPlace(): { dir: string; lock: () => void; undo: () => void } | null {
  const dir = tmpDir('kubedeck-ro-');
  if (process.getuid?.() === 0) {
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=8m', 'tmpfs', dir], { stdio: 'ignore' });
    } catch {
      return null;
    }
    return {
      dir,
      lock: () => execFileSync('mount', ['-o', 'remount,ro', dir]),
      undo: () => execFileSync('umount', ['-l', dir]),
    };
  }
  return { dir, lock: () => chmodSync(dir, 0o555), undo: () => chmodSync(dir, 0o755) };
}

describe('a database in a read-only place (defect 6)', () => {
  const place = readOnlyPlace();
  afterAll(() => place?.undo());
  it.skipIf(!place)('opens for reading, says read-only (not corrupt) on writes', async () => {
    if (!place) return;
    const inner = join(place.dir, 'data');
    mkdirSync(inner);
    const db = await seeded(inner);
    const id = (kubedeck(['cards', '--json', '--db', db]).json() as { cards: { id: string }[] }).cards[0]!.id;
    place.lock();
    const cards = kubedeck(['cards', '--json', '--db', db]);
    expect(cards.code, cards.stderr).toBe(0);
    expect((cards.json() as { cards: unknown[] }).cards).toHaveLength(5);
    expect(cards.stderr).toMatch(/read-only/);
    expect(kubedeck(['decks', '--db', db]).code).toBe(0);
    const rate = kubedeck(['rate', id, 'good', '--early', '--db', db]);
    expect(rate.code).toBe(1);
    expect(rate.stderr).toMatch(/read-only/);
    expect(rate.stderr).not.toMatch(/corrupt|damaged|restore a backup/);
  });
  if (!place) it.skip('read-only mount: this machine allows neither mount nor chmod here', () => {});
});
