import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { openCore } from '../core/app.ts';
import { readAnkiCollection } from '../db/anki-collection.ts';
import { latestPackage, type NoteType18, schema18Collection } from '../test/interop/anki-packages.ts';
import { writeFiles } from '../test/support/tmp.ts';
import { studiedBundledCore } from './interop.ts';

const IMAGES = 20;

/**
 * The same Kubedeck package in both Anki layouts: as Kubedeck writes it (legacy, schema 11) and rewritten in current
 * Anki's default layout (collection.anki21b: schema 18, zstd, protobuf media), the way the reader's tests build one.
 */
function asLatest(apkg: string, out: string): void {
  const files = unzipSync(readFileSync(apkg));
  const c = readAnkiCollection(files['collection.anki2']!);
  if ('problem' in c) throw new Error(c.problem);
  const models = JSON.parse(c.col.models) as Record<
    string,
    {
      id: number;
      name: string;
      type: number;
      flds: { name: string }[];
      tmpls: { name: string; qfmt: string; afmt: string }[];
    }
  >;
  const decks = JSON.parse(c.col.decks) as Record<string, { id: number; name: string }>;
  const notetypes: NoteType18[] = Object.values(models).map((m) => ({
    id: m.id,
    name: m.name,
    cloze: m.type === 1,
    fields: m.flds.map((f) => f.name),
    templates: m.tmpls,
  }));
  const collection = schema18Collection({
    notetypes,
    decks: Object.values(decks).map((d) => ({ id: d.id, name: d.name.split('::').join('\x1f') })),
    notes: c.notes,
    cards: c.cards,
    revlog: c.revlog,
  });
  const map = JSON.parse(strFromU8(files.media!)) as Record<string, string>;
  const media = Object.entries(map).map(([k, name]) => ({ name, bytes: files[k]! }));
  writeFileSync(out, latestPackage(collection, media));
}

/** `npm run bench anki`: the bundled decks after 60 simulated days, plus notes with images, through Anki both ways. */
export async function benchAnki(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'kd-bench-anki-'));
  try {
    const notes = join(dir, 'notes');
    const files: Record<string, string | Uint8Array> = {};
    for (let i = 0; i < IMAGES; i++) {
      files[`n${i}.md`] = `# Diagrams\n\nDiagram ${i} shows :: path ${i} ![d${i}](img/d${i}.png)\n`;
      files[`img/d${i}.png`] = new Uint8Array(4096).fill(i);
    }
    writeFiles(notes, files);
    const src = await studiedBundledCore(dir, async (core) => {
      await core.call('import/run', { paths: [notes] });
    });
    const size = (f: string) => `${Math.round(statSync(f).size / 1024)} KB`;
    const legacy = join(dir, 'all.apkg');
    const e = await src.call('export/run', { format: 'apkg', out: legacy, withHistory: true });
    const media = Object.keys(JSON.parse(strFromU8(unzipSync(readFileSync(legacy)).media!))).length;
    console.log(
      `export apkg      ${JSON.stringify({ cards: e.cards, notes: e.notes, reviews: e.reviews, media, ms: e.ms })} ${size(legacy)}`,
    );
    const latest = join(dir, 'all-latest.apkg');
    asLatest(legacy, latest);
    for (const [what, file] of [
      ['legacy', legacy],
      ['anki21b', latest],
    ] as const) {
      const dst = openCore({ dbPath: join(dir, `dst-${what}.sqlite`), bundled: false, lang: 'en' });
      const i = await dst.call('interop/import', { path: file });
      console.log(
        `import ${what.padEnd(9)} ${JSON.stringify({ ...i.summary, reviews: i.reviews, media: i.media, ms: i.ms })} ${size(file)}`,
      );
      dst.close();
    }
    // Identity: the package back into the database it came from changes nothing.
    const back = await src.call('interop/import', { path: legacy });
    console.log(
      `re-import same   ${JSON.stringify({ ...back.summary, reviews: back.reviews, ms: back.ms })}`,
    );
    src.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
