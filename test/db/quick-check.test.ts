import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { KubedeckError } from '../../db/errors.ts';
import { openDatabase } from '../../db/open.ts';
import { tmpDir } from '../support/tmp.ts';

const on = (day: string) => ({ checkDay: () => day });

/** Smashes the cards table's root page: quick_check sees it, opening (which never reads cards) does not. */
function corruptCards(path: string): void {
  const probe = new Database(path, { readonly: true });
  const { rootpage } = probe.prepare("SELECT rootpage FROM sqlite_master WHERE name = 'cards'").get() as {
    rootpage: number;
  };
  const pageSize = probe.pragma('page_size', { simple: true }) as number;
  probe.close();
  const bytes = readFileSync(path);
  bytes.fill(0xa5, (rootpage - 1) * pageSize, rootpage * pageSize);
  writeFileSync(path, bytes);
}

function refusal(path: string, day: string): KubedeckError {
  try {
    openDatabase(path, on(day)).db.close();
  } catch (e) {
    return e as KubedeckError;
  }
  throw new Error('expected the open to fail');
}

describe('PRAGMA quick_check runs once per learner day and after an unclean shutdown', () => {
  it('the first open of a day checks; a second open the same day skips the check', () => {
    const path = join(tmpDir(), 'k.sqlite');
    const created = openDatabase(path, on('2026-3-1'));
    expect(created.checked).toBe(false); // a new file has nothing to check
    created.db.close();
    const first = openDatabase(path, on('2026-3-2'));
    expect(first.checked).toBe(true);
    first.db.close();
    const second = openDatabase(path, on('2026-3-2'));
    expect(second.checked).toBe(false);
    second.db.close();
  });

  it('a corrupt file is still caught on the first open of the next day (and skipped the same day)', () => {
    const path = join(tmpDir(), 'k.sqlite');
    openDatabase(path, on('2026-3-1')).db.close();
    corruptCards(path);
    const sameDay = openDatabase(path, on('2026-3-1')); // proves the skip: the damage is not looked for
    expect(sameDay.checked).toBe(false);
    sameDay.db.close();
    const e = refusal(path, '2026-3-2');
    expect(e.code).toBe('db-corrupt');
    expect(e.message).toMatch(/integrity check/);
    expect(e.message.split('\n')).toHaveLength(1);
  });

  it('a WAL left behind by a crash makes the next open check, even the same day, and catches damage', () => {
    const dir = tmpDir();
    /** Opens `path` (checked today already), commits a row, and copies what a killed process would leave. */
    const crashCopy = (path: string, name: string) => {
      const { db } = openDatabase(path, on('2026-3-1'));
      db.prepare("INSERT INTO settings (key, value) VALUES ('x', '1')").run();
      const crashed = join(dir, name);
      copyFileSync(path, crashed);
      copyFileSync(`${path}-wal`, `${crashed}-wal`);
      db.close();
      expect(existsSync(`${path}-wal`)).toBe(false); // a clean close leaves no WAL
      return crashed;
    };

    const healthy = join(dir, 'healthy.sqlite');
    openDatabase(healthy, on('2026-3-1')).db.close();
    const after = openDatabase(crashCopy(healthy, 'healthy-crashed.sqlite'), on('2026-3-1'));
    expect(after.checked).toBe(true);
    expect(after.db.prepare("SELECT value FROM settings WHERE key = 'x'").get()).toEqual({ value: '1' });
    after.db.close();

    const damaged = join(dir, 'damaged.sqlite');
    openDatabase(damaged, on('2026-3-1')).db.close();
    corruptCards(damaged);
    expect(refusal(crashCopy(damaged, 'damaged-crashed.sqlite'), '2026-3-1').code).toBe('db-corrupt');
  });

  it('without a day, every open checks (tools and tests that open files directly)', () => {
    const path = join(tmpDir(), 'k.sqlite');
    openDatabase(path).db.close();
    const again = openDatabase(path);
    expect(again.checked).toBe(true);
    again.db.close();
  });
});
