import { zstdDecompressSync } from 'node:zlib';
import { strFromU8 } from 'fflate';
import { z } from 'zod';
import { type AnkiCollection, readAnkiCollection } from '../../db/anki-collection.ts';
import { KubedeckError } from '../../db/errors.ts';
import { type Lang, tr } from '../i18n/index.ts';
import { decodeMessage, type ProtoMessage, protoBytes, protoNumber, protoString } from './protobuf.ts';

/**
 * An Anki package opened whatever its age: the legacy layout (collection.anki2 or .anki21, schema 11, a JSON media
 * map) or the one Anki writes by default since 2.1.50 (.colpkg) and 2.1.55 (.apkg): a `meta` entry (protobuf
 * PackageMetadata, version 3), collection.anki21b (zstd-compressed SQLite of schema 18, whose note types and decks
 * live in tables with protobuf configs), a zstd-compressed protobuf MediaEntries list, and zstd-compressed files.
 * Layouts as in ankitects/anki: proto/anki/import_export.proto, rslib/src/import_export/package/{meta,media}.rs.
 */
export type NoteType = { name: string; cloze: boolean; fields: string[]; templates: number };
export type PackageMedia = { name: string; data: () => Uint8Array | null };
export type AnkiPackage = {
  format: 'collection.anki2' | 'collection.anki21' | 'collection.anki21b';
  collection: AnkiCollection;
  models: Map<number, NoteType>;
  decks: Map<number, string>;
  media: PackageMedia[] | { problem: string };
};

const LATEST = 3;
type Entries = Record<string, Uint8Array>;

export function openAnkiPackage(entries: Entries, file: string, lang: Lang): AnkiPackage {
  const version = packageVersion(entries, file, lang);
  const latest = version === LATEST;
  const name = latest
    ? 'collection.anki21b'
    : entries['collection.anki21']
      ? 'collection.anki21'
      : 'collection.anki2';
  const stored = entries[name];
  if (!stored) throw new KubedeckError('anki-no-collection', tr(lang, 'anki.noCollection', { file }));
  const bytes = latest ? unzstd(stored, name, file, lang) : stored;
  const collection = readAnkiCollection(bytes);
  if ('problem' in collection)
    throw new KubedeckError(
      'anki-bad-collection',
      tr(lang, 'anki.badCollection', { file, name, problem: collection.problem }),
    );
  const ver = collection.col.ver;
  const known = ver === 11 || (collection.tables !== undefined && ver <= 18);
  if (!known) throw new KubedeckError('anki-unsupported', tr(lang, 'anki.unknownVersion', { file, ver }));
  const { models, decks } = collection.tables
    ? tableNoteTypes(collection)
    : legacyNoteTypes(collection, file, lang);
  return {
    format: name,
    collection,
    models,
    decks,
    media: latest ? latestMedia(entries, file, lang) : legacyMedia(entries, lang),
  };
}

/** `meta` names the layout; without it the package is legacy (Anki 2.1.49 and older, or "Support older Anki"). */
function packageVersion(entries: Entries, file: string, lang: Lang): number {
  const meta = entries.meta;
  if (!meta) return entries['collection.anki21b'] && !entries['collection.anki2'] ? LATEST : 1;
  let version = 0;
  try {
    version = protoNumber(decodeMessage(meta), 1);
  } catch {
    version = 0;
  }
  if (version < 1 || version > LATEST)
    throw new KubedeckError('anki-unsupported', tr(lang, 'anki.tooNew', { file, version }));
  return version;
}

function unzstd(bytes: Uint8Array, name: string, file: string, lang: Lang): Uint8Array {
  try {
    return zstdDecompressSync(bytes);
  } catch (e) {
    throw new KubedeckError(
      'anki-bad-collection',
      tr(lang, 'anki.badZstd', { file, name, reason: (e as Error).message }),
    );
  }
}

// ---- note types and decks ---------------------------------------------------------------------------------------

const Model = z.looseObject({
  name: z.string(),
  type: z.number().optional(),
  flds: z.array(z.looseObject({ name: z.string() })),
  tmpls: z.array(z.looseObject({ qfmt: z.string().optional() })),
});
const Models = z.record(z.string(), Model);
const Decks = z.record(z.string(), z.looseObject({ name: z.string() }));

function parseJson<T>(text: string, schema: z.ZodType<T>, what: string, file: string, lang: Lang): T {
  try {
    return schema.parse(JSON.parse(text));
  } catch (e) {
    throw new KubedeckError(
      'anki-bad-json',
      tr(lang, 'anki.badJson', { file, what, reason: (e as Error).message.split('\n')[0]! }),
    );
  }
}

function legacyNoteTypes(c: AnkiCollection, file: string, lang: Lang) {
  const models = new Map<number, NoteType>();
  for (const [id, m] of Object.entries(parseJson(c.col.models, Models, 'models', file, lang)))
    models.set(Number(id), {
      name: m.name,
      cloze: m.type === 1,
      fields: m.flds.map((f) => f.name),
      templates: m.tmpls.length,
    });
  const decks = new Map<number, string>();
  for (const [id, d] of Object.entries(parseJson(c.col.decks, Decks, 'decks', file, lang)))
    decks.set(Number(id), d.name);
  return { models, decks };
}

/** NotetypeConfig.kind (field 1): 1 is a cloze note type. */
const NOTETYPE_KIND = 1;
const KIND_CLOZE = 1;

function tableNoteTypes(c: AnkiCollection) {
  const t = c.tables!;
  const models = new Map<number, NoteType>();
  for (const nt of t.notetypes) {
    let config: ProtoMessage;
    try {
      config = decodeMessage(nt.config);
    } catch {
      config = new Map();
    }
    models.set(nt.id, {
      name: nt.name,
      cloze: protoNumber(config, NOTETYPE_KIND) === KIND_CLOZE,
      fields: t.fields.filter((f) => f.ntid === nt.id).map((f) => f.name),
      templates: t.templates.filter((x) => x.ntid === nt.id).length,
    });
  }
  // Schema 18 separates deck levels with \x1f; Kubedeck, like Anki's UI, with "::".
  const decks = new Map(t.decks.map((d) => [d.id, d.name.split('\x1f').join('::')]));
  return { models, decks };
}

// ---- media ---------------------------------------------------------------------------------------------------------

function legacyMedia(entries: Entries, lang: Lang): PackageMedia[] | { problem: string } {
  const raw = entries.media;
  if (!raw) return [];
  let map: Record<string, unknown>;
  try {
    map = JSON.parse(strFromU8(raw)) as Record<string, unknown>;
  } catch (e) {
    return { problem: tr(lang, 'anki.badMediaList', { reason: (e as Error).message }) };
  }
  return Object.entries(map).map(([key, name]) => ({
    name: typeof name === 'string' ? name : '',
    data: () => entries[key] ?? null,
  }));
}

/** MediaEntries: entries = 1, each { name = 1, size = 2, sha1 = 3, legacy_zip_filename = 255 }; file i is zip entry "i". */
function latestMedia(entries: Entries, file: string, lang: Lang): PackageMedia[] | { problem: string } {
  const raw = entries.media;
  if (!raw) return [];
  try {
    const list = protoBytes(decodeMessage(zstdDecompressSync(raw)), 1).map(decodeMessage);
    return list.map((m, i) => {
      const zipName = String(m.has(255) ? protoNumber(m, 255) : i);
      return {
        name: protoString(m, 1),
        data: () => {
          const stored = entries[zipName];
          return stored ? unzstd(stored, zipName, file, lang) : null;
        },
      };
    });
  } catch (e) {
    return { problem: tr(lang, 'anki.badMediaList', { reason: (e as Error).message }) };
  }
}
