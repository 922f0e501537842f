import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { zstdCompressSync, zstdDecompressSync } from 'node:zlib';
import Database from 'better-sqlite3';
import { unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { kubedeck } from '../support/cli.ts';
import { tmpDir } from '../support/tmp.ts';
import { card, latestPackage, note, schema18Collection } from './anki-packages.ts';

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
const DAY = 86_400;
const CRT = Date.UTC(2025, 0, 1, 4) / 1000;

function currentAnkiPackage(): Uint8Array {
  const basic = 1_600_000_000_001;
  const cloze = 1_600_000_000_002;
  const t0 = Date.UTC(2025, 0, 10, 9);
  const collection = schema18Collection({
    notetypes: [
      {
        id: basic,
        name: 'Basic',
        cloze: false,
        fields: ['Front', 'Back'],
        templates: [{ name: 'Card 1', qfmt: '{{Front}}', afmt: '{{FrontSide}}<hr id=answer>{{Back}}' }],
      },
      {
        id: cloze,
        name: 'Cloze',
        cloze: true,
        fields: ['Text', 'Back Extra'],
        templates: [{ name: 'Cloze', qfmt: '{{cloze:Text}}', afmt: '{{cloze:Text}}<br>{{Back Extra}}' }],
      },
    ],
    // Schema 18 spells a deck's levels with \x1f.
    decks: [
      { id: 1, name: 'Default' },
      { id: 1_700_000_000_000, name: 'CKA\x1fServices' },
    ],
    notes: [
      note(10, basic, ['NodePort <b>range</b>?', '30000-32767<br><img src="ports.png">']),
      note(11, cloze, ['{{c1::kube-proxy}} programs {{c2::iptables}} rules', '']),
    ],
    cards: [
      card(100, 10, 1_700_000_000_000, 0, { type: 2, queue: 2, due: 30, ivl: 10, factor: 2500, reps: 2 }),
      card(110, 11, 1_700_000_000_000, 0),
      card(111, 11, 1_700_000_000_000, 1, { queue: -1 }),
    ],
    revlog: [
      { id: t0, cid: 100, ease: 3, ivl: -600, lastIvl: 0, factor: 0, time: 5000, type: 0 },
      { id: t0 + DAY * 1000, cid: 100, ease: 3, ivl: 10, lastIvl: -600, factor: 2500, time: 4000, type: 0 },
    ],
  });
  return latestPackage(collection, [{ name: 'ports.png', bytes: PNG }]);
}

describe('a package in current Anki’s default format (collection.anki21b)', () => {
  it('imports cards, decks, note types, the review log and media', () => {
    const dir = tmpDir();
    const file = join(dir, 'current.apkg');
    writeFileSync(file, currentAnkiPackage());
    const db = join(dir, 'data', 'k.sqlite');
    const r = kubedeck(['import', file, '--json', '--db', db, '--now', '2025-03-01T00:00:00Z']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = r.json() as { summary: { new: number }; reviews: number; media: number; warnings: unknown[] };
    expect(out).toMatchObject({ summary: { new: 3 }, reviews: 2, media: 1, warnings: [] });
    expect(readFileSync(join(dir, 'data', 'media', 'ports.png'))).toEqual(Buffer.from(PNG));

    const d = new Database(db, { readonly: true });
    const cards = d
      .prepare(
        `SELECT c.kind, c.prompt, c.answer, c.state, c.due, c.suspended, k.name AS deck FROM cards c
         JOIN decks k ON k.id = c.deck_id ORDER BY c.ord`,
      )
      .all();
    const logs = d.prepare('SELECT rating, reviewed_at FROM review_log ORDER BY reviewed_at').all();
    d.close();
    expect(cards).toEqual([
      {
        kind: 'basic',
        prompt: 'NodePort **range**?',
        answer: '30000-32767\n![](media/ports.png)',
        state: 2,
        due: (CRT + 30 * DAY) * 1000,
        suspended: 0,
        deck: 'CKA::Services',
      },
      {
        kind: 'cloze',
        prompt: '[...] programs iptables rules',
        answer: 'kube-proxy',
        state: 0,
        due: null,
        suspended: 0,
        deck: 'CKA::Services',
      },
      {
        kind: 'cloze',
        prompt: 'kube-proxy programs [...] rules',
        answer: 'iptables',
        state: 0,
        due: null,
        suspended: 1,
        deck: 'CKA::Services',
      },
    ]);
    expect(logs).toEqual([
      { rating: 3, reviewed_at: Date.UTC(2025, 0, 10, 9) },
      { rating: 3, reviewed_at: Date.UTC(2025, 0, 11, 9) },
    ]);

    // The same package again: nothing new, nothing changed.
    const again = kubedeck([
      'import',
      file,
      '--json',
      '--db',
      db,
      '--now',
      '2025-03-02T00:00:00Z',
    ]).json() as {
      summary: Record<string, number>;
      reviews: number;
    };
    expect(again.summary).toMatchObject({ new: 0, updated: 0, unchanged: 3 });
    expect(again.reviews).toBe(0);
    expect(readdirSync(join(dir, 'data', 'media'))).toEqual(['ports.png']);
  });

  it('a damaged anki21b gets a message naming the file and the entry, and imports nothing', () => {
    const dir = tmpDir();
    const file = join(dir, 'damaged.apkg');
    const entries = unzipSync(currentAnkiPackage());
    entries['collection.anki21b'] = entries['collection.anki21b']!.subarray(0, 40);
    writeFileSync(file, zipSync(entries));
    const db = join(dir, 'k.sqlite');
    const en = kubedeck(['import', file, '--db', db]);
    expect(en.code).toBe(1);
    expect(en.stderr).toContain(`${file}: collection.anki21b inside the package cannot be decompressed`);
    const ko = kubedeck(['import', file, '--db', db, '--lang', 'ko']);
    expect(ko.stderr).toContain(`${file}: 패키지 안의 collection.anki21b 의 압축을 풀 수 없습니다`);
    expect(existsSync(join(dir, 'media'))).toBe(false);
  });

  it('reads a collection copied while in WAL mode, as another tool may package it', () => {
    const dir = tmpDir();
    const entries = unzipSync(currentAnkiPackage());
    const collection = Buffer.from(zstdDecompressSync(entries['collection.anki21b']!));
    collection[18] = 2;
    collection[19] = 2;
    entries['collection.anki21b'] = zstdCompressSync(collection);
    const file = join(dir, 'wal.apkg');
    writeFileSync(file, zipSync(entries));
    const r = kubedeck(['import', file, '--json', '--db', join(dir, 'k.sqlite')]);
    expect(r.stderr).toBe('');
    expect((r.json() as { summary: { new: number } }).summary.new).toBe(3);
  });
});
