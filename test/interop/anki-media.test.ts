import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { writeFiles } from '../support/tmp.ts';
import { card, legacyPackage, note } from './anki-packages.ts';
import { coreAt } from './helpers.ts';

const png = (tag: number) => new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, tag]);
const dataUrl = (bytes: Uint8Array) => `data:image/png;base64,${Buffer.from(bytes).toString('base64')}`;

const cardsOf = (db: string) => {
  const d = new Database(db, { readonly: true });
  const rows = d
    .prepare('SELECT id, prompt, answer, state, due, lapses FROM cards ORDER BY prompt')
    .all() as {
    id: string;
    prompt: string;
    answer: string;
    state: number;
    due: number | null;
    lapses: number;
  }[];
  d.close();
  return rows;
};

describe('images between Kubedeck and Anki', () => {
  it('a note’s image is packed into the apkg and shown with <img>; imported elsewhere it still shows (defects 3, 4)', async () => {
    const src = await coreAt('2026-04-01T08:00:00Z');
    const notes = join(src.dir, 'notes');
    writeFiles(notes, {
      'svc.md': '# Services\n\nNodePort range :: 30000-32767 ![ports](img/ports.png)\n',
      'img/ports.png': png(1),
    });
    await src.core.call('import/run', { paths: [notes] });
    const apkg = join(src.dir, 'svc.apkg');
    const r = await src.core.call('export/run', { format: 'apkg', out: apkg });
    expect(r.cards).toBe(1);
    const files = unzipSync(readFileSync(apkg));
    expect(JSON.parse(strFromU8(files.media!))).toEqual({ 0: 'ports.png' });
    expect(files['0']).toEqual(png(1));
    const col = new Database(Buffer.from(files['collection.anki2']!), { readonly: true });
    const flds = (col.prepare('SELECT flds FROM notes').get() as { flds: string }).flds;
    col.close();
    expect(flds).toContain('<img src="ports.png" alt="ports">');

    const dst = await coreAt('2026-04-02T08:00:00Z');
    const imported = await dst.core.call('interop/import', { path: apkg });
    expect(imported.media).toBe(1);
    const [c] = cardsOf(dst.db);
    expect(c!.answer).toBe('30000-32767 ![ports](media/ports.png)');
    const shown = await dst.core.call('media/image', { cardId: c!.id, src: 'media/ports.png' });
    expect(shown.dataUrl).toBe(dataUrl(png(1)));
    // Nothing outside the media folder, even when a card names it.
    await expect(dst.core.call('media/image', { cardId: c!.id, src: 'media/../k.png' })).rejects.toThrow(
      'not an image of this card',
    );
    src.core.close();
    dst.core.close();
  });

  it('same-named files of two packages both survive, each card showing its own (defect 5)', async () => {
    const dst = await coreAt('2026-04-02T08:00:00Z');
    const pkg = (n: number, bytes: Uint8Array) => {
      const file = join(dst.dir, `p${n}.apkg`);
      writeFileSync(
        file,
        legacyPackage({
          notes: [note(n, 5, [`Diagram ${n}`, '<img src="diagram.png">'], { guid: `guid-${n}` })],
          cards: [card(n * 10, n, 9, 0)],
          media: [{ name: 'diagram.png', bytes }],
        }),
      );
      return file;
    };
    await dst.core.call('interop/import', { path: pkg(1, png(1)) });
    await dst.core.call('interop/import', { path: pkg(2, png(2)) });
    // The same file again is the same file: no third copy.
    await dst.core.call('interop/import', { path: pkg(3, png(2)) });
    const media = join(dst.dir, 'media');
    const names = readdirSync(media).sort();
    expect(names.length).toBe(2);
    expect(names[0]).toMatch(/^diagram-[0-9a-f]{40}\.png$/);
    expect(names[1]).toBe('diagram.png');
    const [one, two, three] = cardsOf(dst.db);
    expect(one!.answer).toBe('![](media/diagram.png)');
    expect(two!.answer).toBe(`![](media/${names[0]})`);
    expect(three!.answer).toBe(`![](media/${names[0]})`);
    for (const [c, bytes] of [
      [one!, png(1)],
      [two!, png(2)],
    ] as const) {
      const src = c.answer.slice(4, -1);
      expect((await dst.core.call('media/image', { cardId: c.id, src })).dataUrl).toBe(dataUrl(bytes));
    }
    dst.core.close();
  });
});

describe('fields and schedules only older Ankis write', () => {
  it('a v1 relearning card (type 2, queue 1) keeps its due moment, which is in epoch seconds (defect 6)', async () => {
    const dst = await coreAt('2025-03-01T09:00:00Z');
    const due = Date.UTC(2025, 2, 1, 9, 10) / 1000;
    const file = join(dst.dir, 'v1.apkg');
    writeFileSync(
      file,
      legacyPackage({
        notes: [note(1, 5, ['ClusterIP default?', 'yes'])],
        cards: [
          card(10, 1, 9, 0, {
            type: 2,
            queue: 1,
            due,
            ivl: 12,
            factor: 2300,
            reps: 6,
            lapses: 1,
            left: 1001,
          }),
        ],
      }),
    );
    await dst.core.call('interop/import', { path: file });
    const [c] = cardsOf(dst.db);
    expect(c).toMatchObject({ state: 3, due: due * 1000, lapses: 1 });
    const report = await dst.core.call('db/check', { dryRun: true });
    expect(JSON.stringify(report)).not.toContain('due-far-past');
    // It comes up ten minutes later, as in Anki.
    dst.clock.add(11 * 60_000);
    expect((await dst.core.call('review/next', {})).card?.id).toBe(c!.id);
    dst.core.close();
  });

  it('multi-line code written in Anki’s editor keeps its lines and indentation (defect 9)', async () => {
    const dst = await coreAt('2025-03-01T09:00:00Z');
    const file = join(dst.dir, 'code.apkg');
    const yaml =
      '<pre><code>apiVersion: v1<br>kind: Service<br>spec:<br>&nbsp;&nbsp;type: NodePort<br>&nbsp;&nbsp;ports:<br>&nbsp;&nbsp;- port: 80</code></pre>';
    writeFileSync(
      file,
      legacyPackage({
        notes: [
          note(1, 5, ['A NodePort Service', yaml]),
          note(2, 5, ['Port&nbsp;range', '30000&nbsp;-&nbsp;32767']),
        ],
        cards: [card(10, 1, 9, 0), card(20, 2, 9, 0)],
      }),
    );
    await dst.core.call('interop/import', { path: file });
    const [manifest, range] = cardsOf(dst.db);
    const d = new Database(dst.db, { readonly: true });
    const kind = (d.prepare('SELECT kind FROM cards WHERE id = ?').get(manifest!.id) as { kind: string })
      .kind;
    d.close();
    expect(kind).toBe('manifest');
    expect(manifest!.answer).toBe(
      'apiVersion: v1\nkind: Service\nspec:\n  type: NodePort\n  ports:\n  - port: 80',
    );
    expect(range).toMatchObject({ prompt: 'Port range', answer: '30000 - 32767' });
    dst.core.close();
  });
});
