import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { KubedeckError } from '../../db/errors.ts';
import { loadMigrations } from '../../db/migrations.ts';
import { APPLICATION_ID, defaultDbPath, openDatabase } from '../../db/open.ts';
import { tmpDir } from '../support/tmp.ts';

const sha = (p: string) => createHash('sha1').update(readFileSync(p)).digest('hex');

function refusal(path: string): KubedeckError {
  try {
    openDatabase(path).db.close();
  } catch (e) {
    return e as KubedeckError;
  }
  throw new Error('expected the database to be refused');
}

describe('opening the database', () => {
  it('creates a new file with WAL, foreign keys, the schema version and our application id', () => {
    const path = join(tmpDir(), 'sub', 'k.sqlite');
    const { db, created } = openDatabase(path);
    expect(created).toBe(true);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(db.pragma('user_version', { simple: true })).toBe(loadMigrations().length);
    expect(db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    const tables = (
      db.prepare("SELECT name FROM sqlite_master WHERE type='table'").all() as { name: string }[]
    ).map((t) => t.name);
    expect(tables).toEqual(
      expect.arrayContaining([
        'decks',
        'notes',
        'cards',
        'review_log',
        'exercises',
        'attempts',
        'settings',
        'import_runs',
      ]),
    );
    db.close();
    expect(openDatabase(path).created).toBe(false);
  });

  it('refuses a file that is not SQLite and leaves it byte for byte', () => {
    const path = join(tmpDir(), 'notes.sqlite');
    writeFileSync(path, '# my notes\nnot a database\n'.repeat(100));
    const before = sha(path);
    const e = refusal(path);
    expect(e.code).toBe('db-foreign');
    expect(e.message).toContain(path);
    expect(e.message.split('\n')).toHaveLength(1);
    expect(sha(path)).toBe(before);
  });

  it('refuses another program’s SQLite database without touching it', () => {
    const path = join(tmpDir(), 'other.sqlite');
    const other = new Database(path);
    other.exec('CREATE TABLE t (x); INSERT INTO t VALUES (1);');
    other.close();
    const before = sha(path);
    expect(refusal(path).code).toBe('db-foreign');
    expect(sha(path)).toBe(before);
    expect(existsSync(`${path}-wal`)).toBe(false);
  });

  it('refuses a corrupt Kubedeck database with one line and does not modify it', () => {
    const path = join(tmpDir(), 'k.sqlite');
    openDatabase(path).db.close();
    const bytes = readFileSync(path);
    // Smash the cards table's root page region, keep the header valid.
    for (let i = 4096 * 3; i < 4096 * 4 && i < bytes.length; i++) bytes[i] = 0xa5;
    writeFileSync(path, bytes);
    const before = sha(path);
    const e = refusal(path);
    expect(['db-corrupt']).toContain(e.code);
    expect(e.message).toMatch(/integrity|cannot be read/);
    expect(sha(path)).toBe(before);
  });

  it('refuses a database from a newer Kubedeck', () => {
    const path = join(tmpDir(), 'k.sqlite');
    const { db } = openDatabase(path);
    db.pragma('user_version = 999');
    db.close();
    const e = refusal(path);
    expect(e.code).toBe('db-newer');
    expect(e.message).toContain('999');
  });

  it('backs the file up before migrating it, and the backup holds the old data', () => {
    const dir = tmpDir();
    const migDir = join(dir, 'migrations');
    mkdirSync(migDir);
    const real = join(import.meta.dirname, '..', '..', 'db', 'migrations', '0001-initial.sql');
    copyFileSync(real, join(migDir, '0001-initial.sql'));
    const path = join(dir, 'k.sqlite');
    const v1 = openDatabase(path, { migrations: loadMigrations(migDir) });
    v1.db.prepare("INSERT INTO settings (key, value) VALUES ('keep', '1')").run();
    v1.db.close();
    writeFileSync(join(migDir, '0002-extra.sql'), 'CREATE TABLE extra (x INTEGER);');
    const v2 = openDatabase(path, { migrations: loadMigrations(migDir) });
    expect(v2.migratedFrom).toBe(1);
    expect(v2.backupPath).not.toBeNull();
    expect(v2.db.pragma('user_version', { simple: true })).toBe(2);
    v2.db.close();
    const backup = new Database(v2.backupPath!, { readonly: true });
    expect(backup.pragma('user_version', { simple: true })).toBe(1);
    expect(backup.prepare("SELECT value FROM settings WHERE key = 'keep'").get()).toEqual({ value: '1' });
    backup.close();
  });

  it('refuses migrations with a gap in their numbers', () => {
    const migDir = join(tmpDir(), 'm');
    mkdirSync(migDir);
    writeFileSync(join(migDir, '0001-a.sql'), 'CREATE TABLE a (x);');
    writeFileSync(join(migDir, '0003-c.sql'), 'CREATE TABLE c (x);');
    expect(() => loadMigrations(migDir)).toThrow(/expected migration 2, found 3/);
    expect(readdirSync(migDir)).toHaveLength(2);
  });

  it('defaults to the user-data folder and honours KUBEDECK_DB', () => {
    expect(defaultDbPath({ XDG_CONFIG_HOME: '/x/cfg' })).toBe(
      process.platform === 'linux'
        ? '/x/cfg/kubedeck/kubedeck.sqlite'
        : defaultDbPath({ XDG_CONFIG_HOME: '/x/cfg' }),
    );
    expect(defaultDbPath({ KUBEDECK_DB: '/y/k.sqlite' })).toBe('/y/k.sqlite');
  });
});
