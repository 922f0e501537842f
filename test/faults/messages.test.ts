/**
 * Issue #22 (11, 12, 13): raw errors never reach the learner. A damaged JSON backup is refused naming the table and
 * field (and restores nothing), a backups folder that cannot be made names the folder, and a killed backup's
 * leftovers are removed on the next open and reported.
 */
import { existsSync, readdirSync, readFileSync, rmdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { kubedeck } from '../support/cli.ts';
import { tmpDir, writeFiles } from '../support/tmp.ts';

function seeded(): { dir: string; db: string; backup: string } {
  const dir = tmpDir();
  const db = join(dir, 'k.sqlite');
  writeFiles(dir, {
    'notes/a.md':
      '# Net\n\n- **kube-proxy** runs on every node\n- **CoreDNS** answers DNS\n\nkube-proxy runs on :: every node\n',
  });
  expect(kubedeck(['import', join(dir, 'notes'), '--db', db]).code).toBe(0);
  const backup = join(dir, 'all.json');
  expect(kubedeck(['export', '--format', 'json', '--out', backup, '--db', db]).code).toBe(0);
  return { dir, db, backup };
}

type Backup = { tables: Record<string, Record<string, unknown>[]> };

describe('a damaged JSON backup (issue #22, 11, 12)', () => {
  it('a deck without created_at: names the table and field, restores nothing', () => {
    const { dir, backup } = seeded();
    const b = JSON.parse(readFileSync(backup, 'utf8')) as Backup;
    delete b.tables.decks![0]!.created_at;
    writeFileSync(backup, JSON.stringify(b));
    const fresh = join(dir, 'new.sqlite');
    const r = kubedeck(['import', backup, '--db', fresh]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      `${backup}: damaged backup: a row of decks has no valid created_at; nothing was restored`,
    );
    expect(r.stderr).not.toContain('NOT NULL constraint');
  });

  it('a card whose context is not JSON is refused, so `cards` keeps working', () => {
    const { dir, backup } = seeded();
    const b = JSON.parse(readFileSync(backup, 'utf8')) as Backup;
    b.tables.cards![0]!.context = 'not json';
    writeFileSync(backup, JSON.stringify(b));
    const fresh = join(dir, 'new.sqlite');
    const r = kubedeck(['import', backup, '--db', fresh]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /damaged backup: cards row 1 \(.+\): context is not a JSON list; nothing was restored/,
    );
    const cards = kubedeck(['cards', '--json', '--db', fresh]);
    expect(cards.code, cards.stderr).toBe(0);
    expect((cards.json() as { cards: unknown[] }).cards).toEqual([]);
  });
});

describe('backups that cannot be written, and leftovers of a killed one (issue #22, 12, 13)', () => {
  it('a backups "folder" that cannot be made names the folder and what to do', () => {
    const { dir, db } = seeded();
    const backups = join(dir, 'backups');
    for (const f of readdirSync(backups)) rmSync(join(backups, f));
    rmdirSync(backups);
    writeFileSync(backups, 'a file where the folder should be');
    const r = kubedeck(['backup', '--db', db]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${backups}: cannot create or write the backups folder (`);
    expect(r.stderr).not.toMatch(/^.*(EEXIST|ENOTDIR): /m);
  });

  it('an abandoned .partial and its journal are removed on the next open, and the learner is told', () => {
    const { dir, db } = seeded();
    const backups = join(dir, 'backups');
    const old = join(backups, 'kubedeck-2026-01-01T00-00-00-000Z-auto.sqlite.partial');
    const journal = `${old}-journal`;
    const fresh = join(backups, 'kubedeck-2026-01-02T00-00-00-000Z-auto.sqlite.partial');
    for (const f of [old, journal, fresh]) writeFileSync(f, Buffer.alloc(4096));
    const hourAgo = new Date(Date.now() - 3_600_000);
    utimesSync(old, hourAgo, hourAgo);
    utimesSync(journal, hourAgo, hourAgo);
    const r = kubedeck(['decks', '--db', db]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(
      `${backups}: removed 2 unfinished backup file(s) left by an interrupted backup`,
    );
    expect(existsSync(old)).toBe(false);
    expect(existsSync(journal)).toBe(false);
    expect(existsSync(fresh), 'a backup being written right now is left alone').toBe(true);
    const ko = kubedeck(['decks', '--db', db, '--lang', 'ko']);
    expect(ko.stderr).not.toContain('미완성'); // nothing left to remove the second time
  });
});
