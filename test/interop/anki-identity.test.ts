import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { strFromU8, unzipSync, zipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../core/app.ts';
import { type Clock, coreAt, study } from './helpers.ts';

type Row = Record<string, string | number>;

/** The collection inside a package, opened read-write in memory; `repack` writes it back into a new package. */
function openPackage(file: string) {
  const files = unzipSync(readFileSync(file));
  const db = new Database(Buffer.from(files['collection.anki2']!));
  return {
    db,
    files,
    repack(out: string) {
      writeFileSync(out, zipSync({ ...files, 'collection.anki2': new Uint8Array(db.serialize()) }));
    },
  };
}

const snapshot = (path: string) => {
  const db = new Database(path, { readonly: true });
  const cards = db.prepare('SELECT * FROM cards ORDER BY id').all() as Row[];
  const logs = db.prepare('SELECT * FROM review_log ORDER BY id').all() as Row[];
  db.close();
  return { cards, logs };
};

/** What a learner sees of a field in Anki: the HTML without its tags and without Kubedeck's source comment. */
const visible = (field: string) => field.replace(/<!--[\s\S]*?-->/g, '').replace(/<[^>]*>/g, '');

describe('a Kubedeck package keeps its identity through Anki', () => {
  let src: { core: Core; clock: Clock; dir: string; db: string };
  let apkg: string;
  let exported: { cards: number; reviews: number };

  beforeAll(async () => {
    src = await coreAt('2026-03-02T08:00:00Z', { bundled: true });
    await src.core.call('settings/set', { key: 'newPerDay', value: 30 });
    await study(src.core, src.clock, 5);
    // A new card left in its learning steps after "again": both steps (1m, 10m) still to go.
    const raw = new Database(src.db, { readonly: true });
    const fresh = raw.prepare('SELECT id FROM cards WHERE state = 0 ORDER BY id LIMIT 1').get() as {
      id: string;
    };
    raw.close();
    await src.core.call('review/rate', { cardId: fresh.id, rating: 'again', elapsedMs: 3000 });
    src.clock.add(60_000);
    apkg = join(src.dir, 'kd.apkg');
    exported = (await src.core.call('export/run', {
      format: 'apkg',
      out: apkg,
      withHistory: true,
    })) as unknown as { cards: number; reviews: number };
  }, 120_000);

  it('Kubedeck → apkg → the same database changes nothing (defect 1)', async () => {
    const before = snapshot(src.db);
    const r = await src.core.call('interop/import', { path: apkg });
    expect(r.summary).toMatchObject({ new: 0, updated: 0, unchanged: exported.cards });
    expect(r.reviews).toBe(0);
    const after = snapshot(src.db);
    expect(after.cards.length).toBe(before.cards.length);
    expect(after.logs).toEqual(before.logs);
    expect(after.cards.map((c) => [c.id, c.prompt, c.due, c.stability])).toEqual(
      before.cards.map((c) => [c.id, c.prompt, c.due, c.stability]),
    );
  });

  it('… also after a trip through Anki, which drops notes.data and gives notes and cards its own ids', async () => {
    const pkg = openPackage(apkg);
    pkg.db.exec(
      `UPDATE notes SET data = '', id = id - 50000000; UPDATE cards SET nid = nid - 50000000, id = id - 90000000,
       usn = -1; UPDATE revlog SET cid = cid - 90000000`,
    );
    const out = join(src.dir, 'via-anki.apkg');
    pkg.repack(out);
    const before = snapshot(src.db);
    const r = await src.core.call('interop/import', { path: out });
    expect(r.summary).toMatchObject({ new: 0, updated: 0, unchanged: exported.cards });
    expect(snapshot(src.db).logs.length).toBe(before.logs.length);
  });

  it('edited in another tool → re-import updates the edited notes only, and an older package never overwrites (defect 2)', async () => {
    const pkg = openPackage(apkg);
    // Two Basic notes (note type "Basic", one card each) get a new Back.
    const basic = pkg.db
      .prepare(`SELECT n.id, n.guid, n.flds FROM notes n JOIN cards c ON c.nid = n.id
        WHERE n.mid = (SELECT min(mid) FROM notes) GROUP BY n.id HAVING count(*) = 1 ORDER BY n.id LIMIT 2`)
      .all() as Row[];
    const later = Math.floor(src.clock.t / 1000) + 3600;
    for (const n of basic) {
      const f = String(n.flds).split('\x1f');
      f[1] = 'Edited <b>in Anki</b>';
      pkg.db.prepare('UPDATE notes SET flds = ?, mod = ? WHERE id = ?').run(f.join('\x1f'), later, n.id);
    }
    // Three answers in Anki on a card of another note, after the export.
    const reviewed = pkg.db
      .prepare(
        `SELECT c.id, c.nid FROM cards c WHERE c.type = 2 AND c.nid NOT IN (${basic.map((n) => n.id).join(',')})
         ORDER BY c.id LIMIT 1`,
      )
      .get() as Row;
    const t0 = src.clock.t + 86_400_000;
    [3, 3, 4].forEach((ease, i) => {
      pkg.db
        .prepare('INSERT INTO revlog VALUES (?, ?, -1, ?, 10, 5, 2500, 4000, 1)')
        .run(t0 + i * 3 * 86_400_000, reviewed.id, ease);
    });
    const ids = basic.map((n) => String(n.guid).slice('kd1:'.length));
    const edited = join(src.dir, 'edited.apkg');
    pkg.repack(edited);
    const before = snapshot(src.db);
    src.clock.add(5 * 86_400_000);
    const r = await src.core.call('interop/import', { path: edited });
    expect(r.summary).toMatchObject({ new: 0, updated: 3, unchanged: exported.cards - 3 });
    expect(r.reviews).toBe(3);
    const after = snapshot(src.db);
    // Both edited cards come from Markdown notes: the learner is told which note still says otherwise.
    const sources = ids.map((id) => before.cards.find((c) => c.id === id)!);
    expect(r.warnings).toEqual(
      sources.map((c) => ({
        file: c.source_file,
        line: c.source_line,
        message: expect.stringContaining('edited in Anki'),
      })),
    );
    const changed = after.cards.filter((c, i) => JSON.stringify(c) !== JSON.stringify(before.cards[i]));
    expect(changed.length).toBe(3);
    for (const id of ids) expect(after.cards.find((c) => c.id === id)!.answer).toBe('Edited **in Anki**');
    expect(after.logs.length).toBe(before.logs.length + 3);

    // The first export again: its notes are older than the edit, so the edit stays.
    const again = await src.core.call('interop/import', { path: apkg });
    expect(again.summary).toMatchObject({ new: 0, updated: 0 });
    for (const id of ids)
      expect(snapshot(src.db).cards.find((c) => c.id === id)!.answer).toBe('Edited **in Anki**');
  });

  it('writes ids as epoch milliseconds, never in the future (defect 7)', () => {
    const { db } = openPackage(apkg);
    const now = src.clock.t;
    for (const table of ['notes', 'cards']) {
      const { lo, hi } = db.prepare(`SELECT min(id) AS lo, max(id) AS hi FROM ${table}`).get() as Row;
      expect(Number(hi)).toBeLessThanOrEqual(Date.parse('2026-03-10T00:00:00Z'));
      expect(Number(lo)).toBeGreaterThan(Date.parse('2026-01-01T00:00:00Z'));
      expect(Number(hi)).toBeLessThan(now + 86_400_000);
    }
  });

  it('shows cards in Anki as Kubedeck does: Markdown rendered, YAML in <pre>, context on the question (defect 8)', () => {
    const { db } = openPackage(apkg);
    const notes = db.prepare('SELECT flds, mid FROM notes').all() as Row[];
    const fields = notes.flatMap((n) => String(n.flds).split('\x1f'));
    const raw = fields.filter((f) => {
      const v = visible(f);
      return v.includes('`') || /\*\*[^*]+\*\*/.test(v) || /\]\(https?:/.test(v);
    });
    expect(raw).toEqual([]);
    expect(fields.some((f) => f.includes('<code>'))).toBe(true);
    // A cloze over a manifest keeps its indentation.
    const yamlCloze = fields.find((f) => f.includes('{{c1::') && f.includes('apiVersion:'))!;
    expect(yamlCloze).toMatch(/^<pre><code class="language-yaml">apiVersion:[\s\S]*\n {2}\S/);
    const col = db.prepare('SELECT models FROM col').get() as Row;
    const models = JSON.parse(String(col.models)) as Record<string, { name: string; tmpls: Row[] }>;
    const reversed = Object.values(models).find((m) => m.name === 'Basic (and reversed card)')!;
    expect(String(reversed.tmpls[1]!.qfmt)).toContain('{{Context}}');
    expect(String(reversed.tmpls[1]!.afmt)).not.toMatch(/<hr id=answer>[\s\S]*Context/);
    // The Front field itself holds no context line, so card 2's answer (the Front) shows none.
    expect(fields.some((f) => f.includes('kd-context'))).toBe(false);
  });

  it('writes the learner’s options as a named group the decks use (defect 10)', () => {
    const { db } = openPackage(apkg);
    const col = db.prepare('SELECT decks, dconf FROM col').get() as Row;
    const dconf = JSON.parse(String(col.dconf)) as Record<string, Row & { new: Row }>;
    const decks = JSON.parse(String(col.decks)) as Record<string, Row>;
    const group = Object.values(dconf).find((g) => g.name === 'Kubedeck')!;
    expect(group.id).not.toBe(1);
    expect(group.new.perDay).toBe(30);
    for (const d of Object.values(decks)) if (d.name !== 'Default') expect(d.conf).toBe(group.id);
  });

  it('card.data carries decay, learning revlog rows the step, left the steps to go (defect 12)', () => {
    const { db } = openPackage(apkg);
    const cards = db.prepare('SELECT type, left, data FROM cards WHERE type > 0').all() as Row[];
    for (const c of cards) expect(JSON.parse(String(c.data)).decay).toBeCloseTo(0.1542, 4);
    // Learning steps are 1m and 10m, relearning 10m (Hard: between or 1.5× them): a learning row's ivl is the step,
    // whole minutes, never the gap until the next answer (61 s apart in this study session).
    const learning = (db.prepare('SELECT DISTINCT ivl FROM revlog WHERE ivl < 0').all() as Row[]).map(
      (r) => r.ivl,
    );
    expect(learning).toContain(-600);
    for (const ivl of learning) expect(Math.abs(Number(ivl)) % 60).toBe(0);
    const lefts = cards.filter((c) => c.type === 1 || c.type === 3).map((c) => Number(c.left));
    expect(lefts).toContain(2002);
    for (const l of lefts) expect([1001, 2002]).toContain(l);
  });

  it('exports a parent deck with every child’s cards (defect 11)', async () => {
    const out = join(src.dir, 'parent.apkg');
    const r = await src.core.call('export/run', { format: 'apkg', out, deck: 'CKA Networking' });
    const children = snapshot(src.db).cards.length;
    expect(r.cards).toBeGreaterThan(300);
    expect(r.cards).toBeLessThan(children);
    const { db } = openPackage(out);
    const decks = JSON.parse(String((db.prepare('SELECT decks FROM col').get() as Row).decks)) as Record<
      string,
      Row
    >;
    expect(
      Object.values(decks).every((d) => d.name === 'Default' || String(d.name).startsWith('CKA Networking')),
    ).toBe(true);
    await expect(src.core.call('export/run', { format: 'apkg', out, deck: 'CKA' })).rejects.toThrow(
      'no deck named "CKA"',
    );
  });

  it('imports into a fresh database under the deck named with --deck (defect 12)', async () => {
    const dst = await coreAt('2026-03-20T08:00:00Z');
    const r = await dst.core.call('interop/import', { path: apkg, deck: 'From Anki' });
    expect(r.summary.new).toBe(exported.cards);
    const decks = (await dst.core.call('decks/list', {})).map((d) => d.name);
    expect(decks.length).toBeGreaterThan(5);
    for (const d of decks) expect(d.startsWith('From Anki::')).toBe(true);
    const media = strFromU8(openPackage(apkg).files.media!);
    expect(media).toBe('{}');
    dst.core.close();
  });
});
