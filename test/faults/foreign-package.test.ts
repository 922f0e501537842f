/**
 * Issue #22 (11): a foreign package is trusted no further than its rows deserve. NULL and numeric columns are read
 * as text, a due date or interval of 2^53 is clamped (one warning per file), and a media name no file system takes
 * is refused before anything is written.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { buildAnkiCollection } from '../../db/anki-collection.ts';
import { BASIC_MODELS, card } from '../interop/anki-packages.ts';
import { kubedeck } from '../support/cli.ts';
import { tmpDir } from '../support/tmp.ts';

/** Three notes; then what a hostile or broken tool could leave: numbers as text columns, 2^53 dates. */
function oddPackage(media: Record<string, string> = {}): Uint8Array {
  const bytes = buildAnkiCollection({
    col: {
      crt: 1_735_700_000,
      mod: 0,
      scm: 0,
      ver: 11,
      conf: '{}',
      models: JSON.stringify(BASIC_MODELS),
      decks: JSON.stringify({ 1: { id: 1, name: 'Odd' } }),
      dconf: '{}',
      tags: '{}',
    },
    notes: [1, 2, 3].map((id) => ({
      id,
      guid: `g${id}`,
      mid: 1,
      mod: 0,
      tags: '',
      flds: `front ${id}\x1fback ${id}`,
      sfld: '',
      csum: 0,
      data: '',
    })),
    cards: [
      card(10, 1, 1, 0),
      card(20, 2, 1, 0, { type: 2, queue: 2, due: 30, ivl: 10, factor: 2500, reps: 3 }),
      card(30, 3, 1, 0),
    ],
    revlog: [],
  } as never);
  const db = new Database(bytes);
  db.exec(`UPDATE notes SET tags = 42, data = 7 WHERE id = 1;
    UPDATE notes SET flds = 12345 WHERE id = 3;
    UPDATE cards SET due = ${2 ** 53}, ivl = ${2 ** 53} WHERE id = 20;`);
  const out = db.serialize();
  db.close();
  const entries: Record<string, Uint8Array> = {
    'collection.anki2': new Uint8Array(out),
    media: strToU8(JSON.stringify(Object.fromEntries(Object.keys(media).map((k, i) => [String(i), k])))),
  };
  Object.values(media).forEach((v, i) => {
    entries[String(i)] = strToU8(v);
  });
  return zipSync(entries);
}

describe('foreign package rows (issue #22, 11)', () => {
  it('numeric text columns, 2^53 due and interval: imported, clamped, one warning, no raw error', () => {
    const dir = tmpDir();
    const db = join(dir, 'k.sqlite');
    const apkg = join(dir, 'odd.apkg');
    writeFileSync(apkg, oddPackage());
    const r = kubedeck(['import', apkg, '--db', db, '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).not.toMatch(/TypeError|Cannot read|is not a function/);
    const out = r.json() as { warnings: { message: string }[] };
    expect(out.warnings.filter((w) => /out-of-range/.test(w.message))).toHaveLength(1);
    const cards = (
      kubedeck(['cards', '--json', '--db', db]).json() as { cards: { prompt: string; due: string | null }[] }
    ).cards;
    expect(cards.map((c) => c.prompt).sort()).toEqual(['12345', 'front 1', 'front 2']);
    for (const c of cards) if (c.due) expect(Date.parse(c.due)).toBeLessThan(Date.UTC(2300, 0, 1));
  });

  it('a 300-character media name is refused before anything is written; the cards still land whole', () => {
    const dir = tmpDir();
    const db = join(dir, 'k.sqlite');
    const apkg = join(dir, 'media.apkg');
    writeFileSync(apkg, oddPackage({ [`${'m'.repeat(300)}.png`]: 'PNG', 'ok.png': 'PNG' }));
    const r = kubedeck(['import', apkg, '--db', db, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const out = r.json() as { media: number; warnings: { message: string }[] };
    expect(out.media).toBe(1);
    expect(out.warnings.some((w) => /media file name "m{60}…" refused/.test(w.message))).toBe(true);
  });
});
