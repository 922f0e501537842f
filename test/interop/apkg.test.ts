import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../core/app.ts';
import { kubedeck } from '../support/cli.ts';
import { type Clock, coreAt, study } from './helpers.ts';

// Columns of Anki's published schema 11 (ankitects/anki rslib/src/storage/schema11.sql), in table order.
const SCHEMA11: Record<string, string[]> = {
  col: ['id', 'crt', 'mod', 'scm', 'ver', 'dty', 'usn', 'ls', 'conf', 'models', 'decks', 'dconf', 'tags'],
  notes: ['id', 'guid', 'mid', 'mod', 'usn', 'tags', 'flds', 'sfld', 'csum', 'flags', 'data'],
  cards: [
    'id',
    'nid',
    'did',
    'ord',
    'mod',
    'usn',
    'type',
    'queue',
    'due',
    'ivl',
    'factor',
    'reps',
    'lapses',
    'left',
    'odue',
    'odid',
    'flags',
    'data',
  ],
  revlog: ['id', 'cid', 'usn', 'ease', 'ivl', 'lastIvl', 'factor', 'time', 'type'],
  graves: ['usn', 'oid', 'type'],
};

/** Anki's checksum reads the first field as text: tags stripped, entities decoded. */
const plain = (html: string) =>
  html
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');

type CardKey = { deck: string; kind: string; prompt: string; answer: string; tags: string; context: string };

function cardsOf(path: string) {
  const db = new Database(path, { readonly: true });
  const rows = db
    .prepare(
      `SELECT c.id, d.name AS deck, c.kind, c.prompt, c.answer, c.tags, c.context, c.state, c.due, c.stability,
              c.difficulty, c.reps, c.lapses, c.suspended, c.scheduled_days
       FROM cards c JOIN decks d ON d.id = c.deck_id`,
    )
    .all() as (CardKey & Record<string, number | string>)[];
  const logs = db
    .prepare(
      'SELECT card_id, rating, reviewed_at, elapsed_ms FROM review_log ORDER BY card_id, reviewed_at, id',
    )
    .all() as { card_id: string; rating: number; reviewed_at: number; elapsed_ms: number }[];
  db.close();
  const key = (c: CardKey) => JSON.stringify([c.deck, c.kind, c.prompt, c.answer, c.tags, c.context]);
  const byKey = new Map<string, (typeof rows)[number][]>();
  for (const r of rows) byKey.set(key(r), [...(byKey.get(key(r)) ?? []), r]);
  const logsOf = (id: unknown) =>
    logs.filter((l) => l.card_id === id).map((l) => [l.rating, l.reviewed_at, l.elapsed_ms]);
  return { rows, logs, byKey, key, logsOf };
}

describe('Anki package export and import', () => {
  let src: { core: Core; clock: Clock; dir: string; db: string };
  let reviews = 0;
  let apkg: string;

  beforeAll(async () => {
    src = await coreAt('2026-03-02T08:00:00Z', { bundled: true });
    await src.core.call('settings/set', { key: 'newPerDay', value: 40 });
    reviews = await study(src.core, src.clock, 12);
    const first = (await src.core.call('review/next', {})).card;
    if (first) await src.core.call('review/suspend', { cardId: first.id });
    src.core.close();
    apkg = join(src.dir, 'all.apkg');
  }, 120_000);
  afterAll(() => {});

  it('writes a schema-11 collection that matches Anki’s published structure', () => {
    const r = kubedeck([
      'export',
      '--format',
      'apkg',
      '--out',
      apkg,
      '--with-history',
      '--json',
      '--db',
      src.db,
    ]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = r.json() as { cards: number; notes: number; reviews: number; ms: number };
    console.log(`apkg export (bundled decks, ${reviews} reviews): ${JSON.stringify(out)}`);
    expect(out.reviews).toBe(reviews);

    const files = unzipSync(readFileSync(apkg));
    expect(Object.keys(files).sort()).toEqual(['collection.anki2', 'media']);
    expect(JSON.parse(strFromU8(files.media!))).toEqual({});
    const db = new Database(Buffer.from(files['collection.anki2']!), { readonly: true });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    for (const [table, cols] of Object.entries(SCHEMA11)) {
      const have = (db.prepare('SELECT name FROM pragma_table_info(?)').all(table) as { name: string }[]).map(
        (c) => c.name,
      );
      expect(have, table).toEqual(cols);
    }
    const indexes = (
      db.prepare("SELECT name FROM sqlite_master WHERE type = 'index'").all() as { name: string }[]
    )
      .map((i) => i.name)
      .sort();
    expect(indexes).toEqual(
      [
        'ix_cards_nid',
        'ix_cards_sched',
        'ix_cards_usn',
        'ix_notes_csum',
        'ix_notes_usn',
        'ix_revlog_cid',
        'ix_revlog_usn',
      ].sort(),
    );

    const col = db.prepare('SELECT * FROM col').get() as Record<string, string | number>;
    expect(col.ver).toBe(11);
    const models = JSON.parse(col.models as string) as Record<string, Record<string, unknown>>;
    const decks = JSON.parse(col.decks as string) as Record<string, Record<string, unknown>>;
    const dconf = JSON.parse(col.dconf as string) as Record<string, Record<string, unknown>>;
    expect(
      Object.values(models)
        .map((m) => m.name)
        .sort(),
    ).toEqual(['Basic', 'Basic (and reversed card)', 'Cloze']);
    for (const [id, m] of Object.entries(models)) {
      // Keys Anki's schema-11 note type reader requires (notetype/schema11.rs).
      for (const k of ['id', 'name', 'type', 'mod', 'usn', 'sortf', 'did', 'tmpls', 'flds', 'css'])
        expect(m).toHaveProperty(k);
      expect(String(m.id)).toBe(id);
      for (const f of m.flds as Record<string, unknown>[])
        for (const k of ['name', 'ord', 'sticky', 'rtl', 'font', 'size']) expect(f).toHaveProperty(k);
      for (const t of m.tmpls as Record<string, unknown>[])
        for (const k of ['name', 'ord', 'qfmt', 'afmt']) expect(t).toHaveProperty(k);
    }
    expect(models[Object.keys(models).find((k) => models[k]!.name === 'Cloze')!]!.type).toBe(1);
    expect(decks['1']?.name).toBe('Default');
    for (const [id, d] of Object.entries(decks)) {
      for (const k of [
        'id',
        'name',
        'usn',
        'lrnToday',
        'revToday',
        'newToday',
        'timeToday',
        'collapsed',
        'dyn',
        'conf',
      ])
        expect(d).toHaveProperty(k);
      expect(String(d.id)).toBe(id);
      expect(dconf[String(d.conf)]).toBeDefined();
    }
    for (const k of ['id', 'mod', 'name', 'usn', 'maxTaken', 'autoplay', 'timer', 'new', 'rev', 'lapse'])
      expect(dconf['1']).toHaveProperty(k);

    const notes = db.prepare('SELECT * FROM notes').all() as Record<string, string | number>[];
    expect(notes.length).toBe(out.notes);
    expect(new Set(notes.map((n) => n.guid)).size).toBe(notes.length);
    for (const n of notes) {
      const model = models[String(n.mid)]!;
      const flds = String(n.flds).split('\x1f');
      expect(flds.length).toBe((model.flds as unknown[]).length);
      expect(n.csum).toBe(
        Number.parseInt(createHash('sha1').update(plain(flds[0]!)).digest('hex').slice(0, 8), 16),
      );
      // sfld is an integer column in Anki's schema: a numeric first field is stored as a number, as Anki does.
      expect(String(n.sfld)).toBe(plain(flds[0]!));
      if (model.name === 'Cloze') expect(flds[0]).toMatch(/\{\{c1::[^}]+\}\}/);
    }
    const cards = db.prepare('SELECT * FROM cards').all() as Record<string, number>[];
    expect(cards.length).toBe(out.cards);
    const noteIds = new Set(notes.map((n) => n.id));
    for (const c of cards) {
      expect(noteIds.has(c.nid!)).toBe(true);
      expect(decks[String(c.did)]).toBeDefined();
      expect([0, 1, 2, 3]).toContain(c.type);
      expect([-1, 0, 1, 2]).toContain(c.queue);
    }
    // A reversed pair is one note with two cards.
    const reversedModel = Object.values(models).find((m) => m.name === 'Basic (and reversed card)')!;
    const reversedNotes = notes.filter((n) => n.mid === reversedModel.id);
    expect(reversedNotes.length).toBeGreaterThan(0);
    for (const n of reversedNotes)
      expect(
        cards
          .filter((c) => c.nid === n.id)
          .map((c) => c.ord)
          .sort(),
      ).toEqual([0, 1]);
    // The clozes of one sentence are one Cloze note: card ord N-1 for {{cN::…}}.
    const clozeModel = Object.values(models).find((m) => m.name === 'Cloze')!;
    const multi = notes.filter((n) => n.mid === clozeModel.id && String(n.flds).includes('{{c2::'));
    expect(multi.length).toBeGreaterThan(5);
    for (const n of notes.filter((x) => x.mid === clozeModel.id)) {
      const ords = cards.filter((c) => c.nid === n.id).map((c) => c.ord!);
      const numbers = [...String(n.flds).matchAll(/\{\{c(\d+)::/g)].map((m) => Number(m[1]) - 1);
      expect([...new Set(numbers)].sort()).toEqual([...ords].sort());
    }
    // Manifests travel as a code block.
    expect(notes.some((n) => String(n.flds).includes('<pre><code class="language-yaml">apiVersion:'))).toBe(
      true,
    );
    const revlog = db.prepare('SELECT * FROM revlog').all() as Record<string, number>[];
    expect(revlog.length).toBe(reviews);
    const cardIds = new Set(cards.map((c) => c.id));
    for (const r of revlog) {
      expect(cardIds.has(r.cid!)).toBe(true);
      expect([1, 2, 3, 4]).toContain(r.ease);
    }
    expect(new Set(cards.filter((c) => c.queue === -1).map((c) => c.id)).size).toBe(1);
    db.close();
  });

  it('round-trips Kubedeck → apkg → Kubedeck with every card and the review log', async () => {
    const dst = await coreAt('2026-03-20T08:00:00Z');
    dst.core.close();
    const r = kubedeck(['import', apkg, '--json', '--db', dst.db]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = r.json() as { summary: { new: number; unchanged: number }; reviews: number; ms: number };
    console.log(`apkg import: ${JSON.stringify({ ...out.summary, reviews: out.reviews, ms: out.ms })}`);
    const a = cardsOf(src.db);
    const b = cardsOf(dst.db);
    expect(b.rows.length).toBe(a.rows.length);
    expect(out.summary.new).toBe(a.rows.length);
    expect(b.logs.length).toBe(a.logs.length);
    expect(out.reviews).toBe(a.logs.length);
    expect([...b.byKey.keys()].sort()).toEqual([...a.byKey.keys()].sort());
    let compared = 0;
    for (const [k, list] of a.byKey) {
      const there = b.byKey.get(k)!;
      expect(there.length).toBe(list.length);
      // Same text, same history (ratings, times, answer times), same memory state and due day.
      const hist = (rows: typeof list, logsOf: (id: unknown) => unknown[]) =>
        rows.map((r) => JSON.stringify(logsOf(r.id))).sort();
      expect(hist(there, b.logsOf)).toEqual(hist(list, a.logsOf));
      if (list.length === 1) {
        const [x, y] = [list[0]!, there[0]!];
        expect(y.state).toBe(x.state);
        expect(y.suspended).toBe(x.suspended);
        expect(y.reps).toBe(x.reps);
        expect(y.lapses).toBe(x.lapses);
        expect(Number(y.stability)).toBeCloseTo(Number(x.stability), 6);
        expect(Number(y.difficulty)).toBeCloseTo(Number(x.difficulty), 6);
        if (x.state === 2) expect(y.due).toBe(x.due);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(a.rows.length * 0.9);

    // The same package again changes nothing.
    const again = kubedeck(['import', apkg, '--json', '--db', dst.db]).json() as {
      summary: { new: number; unchanged: number };
    };
    expect(again.summary).toMatchObject({ new: 0, unchanged: a.rows.length });
    expect(cardsOf(dst.db).logs.length).toBe(a.logs.length);
  }, 60_000);
});
