import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { kubedeck } from '../support/cli.ts';
import { tmpDir } from '../support/tmp.ts';
import { coreAt, study } from './helpers.ts';

const dump = (db: string, sql: string) => {
  const d = new Database(db, { readonly: true });
  const rows = d.prepare(sql).all();
  d.close();
  return rows;
};
const CARDS = 'SELECT * FROM cards ORDER BY id';
const LOGS = 'SELECT * FROM review_log ORDER BY id';
const SETTINGS = "SELECT * FROM settings WHERE key NOT LIKE 'bundled.%' ORDER BY key";

describe('JSON backup', () => {
  let src: string;
  let backup: string;
  let dir: string;
  beforeAll(async () => {
    const s = await coreAt('2026-05-04T07:00:00Z', { bundled: true });
    await s.core.call('settings/set', { key: 'newPerDay', value: 30 });
    await s.core.call('settings/set', { key: 'desiredRetention', value: 0.85 });
    await study(s.core, s.clock, 6);
    s.core.close();
    src = s.db;
    dir = s.dir;
    backup = join(dir, 'backup.json');
  }, 120_000);

  it('export → import into a new database gives the same cards, history and settings', () => {
    const e = kubedeck(['export', '--format', 'json', '--out', backup, '--json', '--db', src]);
    expect(e.code).toBe(0);
    const out = e.json() as { cards: number; reviews: number; ms: number };
    const head = JSON.parse(readFileSync(backup, 'utf8')) as { format: string; version: number };
    expect(head).toMatchObject({ format: 'kubedeck-backup', version: 1 });

    // Into a new database that loaded the bundled decks first (the app's first start): they are replaced.
    const dst = join(tmpDir(), 'new.sqlite');
    const i = kubedeck(['import', backup, '--json', '--db', dst], { env: { KUBEDECK_NO_BUNDLED: '0' } });
    expect(i.stderr).toBe('');
    expect(i.code).toBe(0);
    const restored = i.json() as { restored: Record<string, number>; ms: number };
    console.log(`json export ${JSON.stringify(out)}; import ${JSON.stringify(restored)}`);
    expect(restored.restored.cards).toBe(out.cards);
    expect(restored.restored.review_log).toBe(out.reviews);
    expect(out.reviews).toBeGreaterThan(100);
    expect(dump(dst, CARDS)).toEqual(dump(src, CARDS));
    expect(dump(dst, LOGS)).toEqual(dump(src, LOGS));
    expect(dump(dst, SETTINGS)).toEqual(dump(src, SETTINGS));
    expect(dump(dst, 'SELECT * FROM decks ORDER BY id')).toEqual(
      dump(src, 'SELECT * FROM decks ORDER BY id'),
    );
    // The stats the triggers keep are rebuilt from the restored log.
    expect(dump(dst, 'SELECT * FROM review_quarter ORDER BY bucket')).toEqual(
      dump(src, 'SELECT * FROM review_quarter ORDER BY bucket'),
    );
    const settings = kubedeck(['settings', '--json', '--db', dst]).json() as {
      settings: Record<string, unknown>;
    };
    expect(settings.settings).toMatchObject({ newPerDay: 30, desiredRetention: 0.85 });
  });

  it('refuses a database that already holds the learner’s own work, and changes nothing', () => {
    const before = dump(src, LOGS).length;
    const r = kubedeck(['import', backup, '--db', src]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /already holds your own data \(0 cards of your own, \d+ reviews, 0 exercise attempts\); a backup is restored only into a new, empty database/,
    );
    expect(dump(src, LOGS).length).toBe(before);
  });

  it('refuses a backup from a newer Kubedeck, and damaged JSON with its line', () => {
    const d = tmpDir();
    const newer = join(d, 'newer.json');
    writeFileSync(
      newer,
      JSON.stringify({ format: 'kubedeck-backup', version: 2, exportedAt: '', tables: {} }),
    );
    const r = kubedeck(['import', newer, '--db', join(d, 'k.sqlite')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      `${newer}: made by a newer Kubedeck (backup format 2; this Kubedeck reads up to 1); update Kubedeck first`,
    );
    const broken = join(d, 'broken.json');
    writeFileSync(broken, '{\n  "format": "kubedeck-backup",\n  "version": 1,\n  oops\n}');
    const b = kubedeck(['import', broken, '--db', join(d, 'k.sqlite')]);
    expect(b.code).toBe(1);
    expect(b.stderr).toContain(`${broken}:4: not valid JSON`);
  });
});

describe('CSV', () => {
  it('imports RFC 4180 quoting, Korean text, deck and tags columns', () => {
    const d = tmpDir();
    const file = join(d, 'cards.csv');
    writeFileSync(
      file,
      '\uFEFFfront,back,deck,tags\r\n' +
        'kube-apiserver 포트,6443,CKA::포트,cka ports\r\n' +
        '"NodePort 범위, 기본값은?","30000-32767",CKA::포트,\r\n' +
        '"따옴표 ""quoted"" 텍스트","여러 줄\r\n답",,quotes\r\n',
    );
    const db = join(d, 'k.sqlite');
    const r = kubedeck(['import', file, '--json', '--db', db]);
    expect(r.stderr).toBe('');
    expect((r.json() as { summary: { new: number } }).summary.new).toBe(3);
    const cards = (
      kubedeck(['cards', '--json', '--db', db]).json() as {
        cards: { deck: string; prompt: string; answer: string; tags: string[]; lang: string }[];
      }
    ).cards;
    expect(cards.map((c) => [c.deck, c.prompt, c.answer, c.tags, c.lang])).toEqual([
      ['CKA::포트', 'kube-apiserver 포트', '6443', ['cka', 'ports'], 'ko'],
      ['CKA::포트', 'NodePort 범위, 기본값은?', '30000-32767', [], 'ko'],
      ['cards', '따옴표 "quoted" 텍스트', '여러 줄\r\n답', ['quotes'], 'ko'],
    ]);
    // The same file again adds nothing.
    const again = kubedeck(['import', file, '--json', '--db', db]).json() as {
      summary: { new: number; unchanged: number };
    };
    expect(again.summary).toMatchObject({ new: 0, unchanged: 3 });
  });

  it('a row with the wrong number of fields names file:line and imports nothing', () => {
    const d = tmpDir();
    const file = join(d, 'bad.csv');
    writeFileSync(file, 'front,back,deck,tags\na,b,c,d\n"multi\nline",b,c,d\nonly,three,fields\n');
    const db = join(d, 'k.sqlite');
    const r = kubedeck(['import', file, '--db', db]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      `${file}:5: expected 4 fields (front, back, deck, tags), found 3; nothing was imported`,
    );
    expect(dump(db, CARDS)).toEqual([]);
  });

  it('exports a deck with a header and imports it back the same', async () => {
    const s = await coreAt('2026-05-04T07:00:00Z', { bundled: true });
    s.core.close();
    const file = join(s.dir, 'ko.csv');
    const deck = 'CKA 네트워킹::포트';
    const e = kubedeck(['export', '--format', 'csv', '--deck', deck, '--out', file, '--json', '--db', s.db]);
    expect(e.stderr).toBe('');
    const text = readFileSync(file, 'utf8');
    expect(text.startsWith('\uFEFFfront,back,deck,tags\r\n')).toBe(true);
    const dst = join(tmpDir(), 'k.sqlite');
    const i = kubedeck(['import', file, '--json', '--db', dst]);
    expect(i.code).toBe(0);
    const pick = (db: string) =>
      dump(
        db,
        `SELECT d.name, c.prompt, c.answer, c.tags FROM cards c JOIN decks d ON d.id = c.deck_id
                WHERE d.name = '${deck}' OR d.name LIKE '${deck}::%' ORDER BY c.prompt, c.answer`,
      );
    const mine = pick(s.db);
    expect(mine.length).toBeGreaterThan(10);
    expect(pick(dst)).toEqual(mine);
  });
});
