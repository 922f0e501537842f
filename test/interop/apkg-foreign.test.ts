import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { type AnkiCard, buildAnkiCollection } from '../../db/anki-collection.ts';
import { kubedeck } from '../support/cli.ts';
import { tmpDir } from '../support/tmp.ts';
import { card as ankiCard, note as ankiNote } from './anki-packages.ts';

const DAY = 86_400;
const CRT = Date.UTC(2025, 0, 1, 4) / 1000;

/** A package shaped like one Anki 2.1 writes: Anki's own note types, HTML fields, media, a review log. */
function ankiMadePackage(
  opts: { ver?: number; entryName?: string; extra?: Record<string, Uint8Array> } = {},
) {
  const models = {
    1111: {
      id: 1111,
      name: 'Basic-abcde',
      type: 0,
      mod: 0,
      usn: -1,
      sortf: 0,
      did: 1,
      css: '',
      flds: [
        { name: 'Front', ord: 0, sticky: false, rtl: false, font: 'Arial', size: 20 },
        { name: 'Back', ord: 1, sticky: false, rtl: false, font: 'Arial', size: 20 },
      ],
      tmpls: [{ name: 'Card 1', ord: 0, qfmt: '{{Front}}', afmt: '{{FrontSide}}<hr id=answer>{{Back}}' }],
    },
    2222: {
      id: 2222,
      name: 'Cloze',
      type: 1,
      mod: 0,
      usn: -1,
      sortf: 0,
      did: 1,
      css: '',
      flds: [
        { name: 'Text', ord: 0, sticky: false, rtl: false, font: 'Arial', size: 20 },
        { name: 'Extra', ord: 1, sticky: false, rtl: false, font: 'Arial', size: 20 },
      ],
      tmpls: [{ name: 'Cloze', ord: 0, qfmt: '{{cloze:Text}}', afmt: '{{cloze:Text}}' }],
    },
  };
  const decks = {
    1: { id: 1, name: 'Default' },
    77: { id: 77, name: 'CKA::Services' },
  };
  const note = (id: number, mid: number, fields: string[], tags = '') => ankiNote(id, mid, fields, { tags });
  const card = (id: number, nid: number, ord: number, s: Partial<AnkiCard> = {}) =>
    ankiCard(id, nid, 77, ord, s);
  const t0 = Date.UTC(2025, 0, 10, 9);
  const collection = buildAnkiCollection({
    col: {
      crt: CRT,
      mod: 0,
      scm: 0,
      ver: opts.ver ?? 11,
      conf: '{}',
      models: JSON.stringify(models),
      decks: JSON.stringify(decks),
      dconf: '{}',
      tags: '{}',
    },
    notes: [
      note(
        1,
        1111,
        [
          '<b>NodePort</b> range?',
          '<div>30000-32767</div><div><img src="nodeport diagram.png"></div><a href="javascript:alert(1)">x</a>',
        ],
        ' cka services ',
      ),
      note(2, 2222, ['{{c1::kube-proxy}} 는 {{c2::iptables::모드}} 규칙을 씁니다&nbsp;', 'extra']),
      note(3, 1111, ['CoreDNS Service', '<pre><code>apiVersion: v1\nkind: Service</code></pre>']),
    ],
    cards: [
      // A review card with history: due 30 days after crt, interval 10.
      card(10, 1, 0, { type: 2, queue: 2, due: 30, ivl: 10, factor: 2500, reps: 3 }),
      card(20, 2, 0, { type: 2, queue: -1, due: 40, ivl: 20, factor: 2300, reps: 2, lapses: 1 }),
      card(21, 2, 1),
      card(30, 3, 0),
    ],
    revlog: [
      { id: t0, cid: 10, ease: 3, ivl: -600, lastIvl: 0, factor: 0, time: 5000, type: 0 },
      { id: t0 + 600_000, cid: 10, ease: 3, ivl: 1, lastIvl: -600, factor: 2500, time: 4000, type: 0 },
      { id: t0 + DAY * 1000, cid: 10, ease: 4, ivl: 10, lastIvl: 1, factor: 2650, time: 3000, type: 1 },
      // A manual reschedule is not a review.
      { id: t0 + 2 * DAY * 1000, cid: 10, ease: 0, ivl: 10, lastIvl: 10, factor: 2650, time: 0, type: 4 },
    ],
  });
  return zipSync({
    [opts.entryName ?? 'collection.anki2']: new Uint8Array(collection),
    media: strToU8(JSON.stringify({ 0: 'nodeport diagram.png', 1: '../escape.png' })),
    0: strToU8('PNG-BYTES'),
    1: strToU8('EVIL'),
    ...opts.extra,
  });
}

const rowsOf = (db: string) => {
  const d = new Database(db, { readonly: true });
  const cards = d
    .prepare('SELECT c.*, k.name AS deck FROM cards c JOIN decks k ON k.id = c.deck_id ORDER BY c.ord')
    .all() as Record<string, string | number | null>[];
  const logs = d.prepare('SELECT * FROM review_log ORDER BY reviewed_at').all() as Record<string, number>[];
  d.close();
  return { cards, logs };
};

describe('importing a package Anki made', () => {
  it('brings notes, decks, tags, clozes, the review log and media, with HTML fields as Markdown', () => {
    const dir = tmpDir();
    const file = join(dir, 'anki.apkg');
    writeFileSync(file, ankiMadePackage());
    const db = join(dir, 'data', 'k.sqlite');
    // The learner's day starts at 04:00 UTC here, as the package's crt does.
    const r = kubedeck(['import', file, '--json', '--db', db, '--now', '2025-03-01T00:00:00Z'], {
      env: { TZ: 'UTC' },
    });
    expect(r.code).toBe(0);
    const out = r.json() as {
      summary: { new: number };
      reviews: number;
      media: number;
      warnings: { message: string }[];
    };
    expect(out.summary.new).toBe(4);
    expect(out.reviews).toBe(3);
    expect(out.media).toBe(1);
    expect(out.warnings.map((w) => w.message)).toEqual(['media file name "../escape.png" refused']);
    expect(readFileSync(join(dir, 'data', 'media', 'nodeport diagram.png'), 'utf8')).toBe('PNG-BYTES');
    expect(existsSync(join(dir, 'escape.png'))).toBe(false);

    const { cards, logs } = rowsOf(db);
    const [basic, c1, c2, manifest] = cards;
    expect(basic).toMatchObject({
      deck: 'CKA::Services',
      kind: 'basic',
      prompt: '**NodePort** range?',
      answer: '30000-32767\n![](media/nodeport%20diagram.png)\nx',
      tags: '["cka","services"]',
      lang: 'en',
    });
    expect(c1).toMatchObject({
      kind: 'cloze',
      // The cloze note's Extra field follows the sentence instead of being dropped.
      prompt: '[...] 는 iptables 규칙을 씁니다\n\nextra',
      answer: 'kube-proxy',
      lang: 'ko',
    });
    expect(c2).toMatchObject({
      kind: 'cloze',
      prompt: 'kube-proxy 는 [모드] 규칙을 씁니다\n\nextra',
      answer: 'iptables',
    });
    expect(manifest).toMatchObject({ kind: 'manifest', answer: 'apiVersion: v1\nkind: Service' });

    // The review card: FSRS state rebuilt by replaying its three answers; Anki's due day kept.
    expect(logs.map((l) => [l.rating, l.reviewed_at, l.elapsed_ms])).toEqual([
      [3, Date.UTC(2025, 0, 10, 9), 5000],
      [3, Date.UTC(2025, 0, 10, 9, 10), 4000],
      [4, Date.UTC(2025, 0, 11, 9), 3000],
    ]);
    expect(basic).toMatchObject({ state: 2, reps: 3, scheduled_days: 10, due: (CRT + 30 * DAY) * 1000 });
    expect(Number(basic!.stability)).toBeGreaterThan(3);
    // A suspended review card without history: memory estimated from interval and ease.
    expect(c1).toMatchObject({ state: 2, suspended: 1, scheduled_days: 20, lapses: 1 });
    expect(Number(c1!.stability)).toBeCloseTo(20, 5);
    expect(c2).toMatchObject({ state: 0, suspended: 0 });
  });

  it('reads collection.anki21 when present, also from a .colpkg', () => {
    const dir = tmpDir();
    const file = join(dir, 'whole.colpkg');
    writeFileSync(file, ankiMadePackage({ entryName: 'collection.anki21' }));
    const r = kubedeck(['import', file, '--json', '--db', join(dir, 'k.sqlite')]);
    expect(r.code).toBe(0);
    expect((r.json() as { summary: { new: number } }).summary.new).toBe(4);
  });
});

describe('bad packages get a clear message and import nothing', () => {
  const attempt = (bytes: Uint8Array, name = 'bad.apkg') => {
    const dir = tmpDir();
    const file = join(dir, name);
    writeFileSync(file, bytes);
    const db = join(dir, 'k.sqlite');
    const r = kubedeck(['import', file, '--db', db]);
    const d = new Database(db, { readonly: true });
    const cards = d.prepare('SELECT id FROM cards').all();
    const runs = d.prepare('SELECT id FROM import_runs').all();
    d.close();
    expect(runs).toEqual([]);
    return { ...r, cards, file };
  };

  it('a truncated zip', () => {
    const whole = ankiMadePackage();
    const r = attempt(whole.subarray(0, Math.floor(whole.length * 0.6)));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${r.file}: not a complete zip archive (truncated or damaged`);
    expect(r.cards).toEqual([]);
  });

  it('a zip bomb: refused from the sizes the archive declares, before inflating', () => {
    const zip = zipSync({ 'collection.anki2': new Uint8Array(1000), media: strToU8('{}') });
    // Rewrite the central directory's "uncompressed size" of the first entry to 3.9 GB.
    const view = Buffer.from(zip);
    const cd = view.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    view.writeUInt32LE(0xf0000000, cd + 24);
    const r = attempt(view);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /would unpack to 3840 MB, more than the 1024 MB Kubedeck accepts \(a zip bomb\?\)/,
    );
    expect(r.cards).toEqual([]);
  });

  it('a package from an Anki newer than the current layout, or an unknown collection version', () => {
    // meta says version 4: a layout after VERSION_LATEST (3), which Anki itself refuses as "too new".
    const newer = attempt(
      zipSync({
        meta: new Uint8Array([0x08, 0x04]),
        'collection.anki21b': new Uint8Array([0x28, 0xb5, 0x2f, 0xfd]),
        'collection.anki2': new Uint8Array(10),
      }),
    );
    expect(newer.code).toBe(1);
    expect(newer.stderr).toContain('made by an Anki newer than Kubedeck knows (package version 4)');
    expect(newer.stderr).toContain('Support older Anki versions');
    const unknown = attempt(ankiMadePackage({ ver: 99 }));
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('unknown Anki collection version 99');
    expect(unknown.cards).toEqual([]);
  });

  it('a zip that is not an Anki package, and a collection that is not SQLite', () => {
    const notAnki = attempt(zipSync({ 'readme.txt': strToU8('hi') }));
    expect(notAnki.stderr).toContain(
      'not an Anki package (no collection.anki2, collection.anki21 or collection.anki21b inside)',
    );
    const notSqlite = attempt(zipSync({ 'collection.anki2': strToU8('hello') }));
    expect(notSqlite.code).toBe(1);
    expect(notSqlite.stderr).toContain('collection.anki2 is not an Anki collection');
  });
});
