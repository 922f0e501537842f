import { createHash } from 'node:crypto';
import { zstdCompressSync } from 'node:zlib';
import Database from 'better-sqlite3';
import { zipSync } from 'fflate';
import { encodeMessage } from '../../core/interop/protobuf.ts';
import {
  type AnkiCard,
  type AnkiNote,
  type AnkiRevlog,
  buildAnkiCollection,
} from '../../db/anki-collection.ts';

/**
 * Anki packages built in the test from Anki's published layouts, not by Kubedeck's exporter: what current Anki
 * (2.1.55 and later) writes by default, and the legacy layout for the cases only old collections hold.
 */

export const note = (id: number, mid: number, fields: string[], extra: Partial<AnkiNote> = {}): AnkiNote => ({
  id,
  guid: `g${id}`,
  mid,
  mod: 1_736_000_000,
  tags: '',
  flds: fields.join('\x1f'),
  sfld: '',
  csum: 0,
  data: '',
  ...extra,
});

/** The "Basic" note type of a legacy collection (`col.models`), with id 1: Front and Back, one card. */
export const BASIC_MODELS = {
  1: {
    id: 1,
    name: 'Basic',
    type: 0,
    flds: [
      { name: 'Front', ord: 0 },
      { name: 'Back', ord: 1 },
    ],
    tmpls: [{ name: 'Card 1', ord: 0, qfmt: '{{Front}}', afmt: '{{Back}}' }],
  },
};

export const card = (
  id: number,
  nid: number,
  did: number,
  ord: number,
  s: Partial<AnkiCard> = {},
): AnkiCard => ({
  id,
  nid,
  did,
  ord,
  mod: 0,
  type: 0,
  queue: 0,
  due: 1,
  ivl: 0,
  factor: 0,
  reps: 0,
  lapses: 0,
  left: 0,
  odue: 0,
  odid: 0,
  data: '',
  ...s,
});

const col = (ver: number, models = '{}', decks = '{}') => ({
  crt: Date.UTC(2025, 0, 1, 4) / 1000,
  mod: 0,
  scm: 0,
  ver,
  conf: '{}',
  models,
  decks,
  dconf: '{}',
  tags: '{}',
});

// ---- schema 18 (rslib/src/storage/upgrades/schema14…18_upgrade.sql) ---------------------------------------------

// As Anki writes them, but with NOCASE where Anki has its own UNICASE collation (which only Anki registers); the
// schema text is then rewritten to UNICASE, so the file reads as a real one: Kubedeck must never need that collation.
const SCHEMA18_TABLES = `
DROP TABLE graves;
CREATE TABLE graves (oid integer NOT NULL, type integer NOT NULL, usn integer NOT NULL, PRIMARY KEY (oid, type))
  WITHOUT ROWID;
CREATE INDEX idx_graves_pending ON graves (usn);
CREATE TABLE deck_config (id integer PRIMARY KEY NOT NULL, name text NOT NULL COLLATE NOCASE,
  mtime_secs integer NOT NULL, usn integer NOT NULL, config blob NOT NULL);
CREATE TABLE config (KEY text NOT NULL PRIMARY KEY, usn integer NOT NULL, mtime_secs integer NOT NULL,
  val blob NOT NULL) WITHOUT ROWID;
CREATE TABLE tags (tag text NOT NULL PRIMARY KEY COLLATE NOCASE, usn integer NOT NULL, collapsed boolean NOT NULL,
  config blob NULL) WITHOUT ROWID;
CREATE TABLE fields (ntid integer NOT NULL, ord integer NOT NULL, name text NOT NULL COLLATE NOCASE,
  config blob NOT NULL, PRIMARY KEY (ntid, ord)) WITHOUT ROWID;
CREATE UNIQUE INDEX idx_fields_name_ntid ON fields (name, ntid);
CREATE TABLE templates (ntid integer NOT NULL, ord integer NOT NULL, name text NOT NULL COLLATE NOCASE,
  mtime_secs integer NOT NULL, usn integer NOT NULL, config blob NOT NULL, PRIMARY KEY (ntid, ord)) WITHOUT ROWID;
CREATE UNIQUE INDEX idx_templates_name_ntid ON templates (name, ntid);
CREATE INDEX idx_templates_usn ON templates (usn);
CREATE TABLE notetypes (id integer NOT NULL PRIMARY KEY, name text NOT NULL COLLATE NOCASE,
  mtime_secs integer NOT NULL, usn integer NOT NULL, config blob NOT NULL);
CREATE UNIQUE INDEX idx_notetypes_name ON notetypes (name);
CREATE INDEX idx_notetypes_usn ON notetypes (usn);
CREATE TABLE decks (id integer PRIMARY KEY NOT NULL, name text NOT NULL COLLATE NOCASE, mtime_secs integer NOT NULL,
  usn integer NOT NULL, common blob NOT NULL, kind blob NOT NULL);
CREATE UNIQUE INDEX idx_decks_name ON decks (name);
`;

export type NoteType18 = {
  id: number;
  name: string;
  cloze: boolean;
  fields: string[];
  templates: { name: string; qfmt: string; afmt: string }[];
};

export function schema18Collection(c: {
  notetypes: NoteType18[];
  decks: { id: number; name: string }[];
  notes: AnkiNote[];
  cards: AnkiCard[];
  revlog: AnkiRevlog[];
}): Uint8Array {
  // Notes, cards and revlog keep schema 11's columns; col keeps its row with ver 18 and empty JSON columns.
  const db = new Database(buildAnkiCollection({ col: col(18, '', ''), ...c }));
  db.exec(SCHEMA18_TABLES);
  for (const nt of c.notetypes) {
    // NotetypeConfig: kind = 1 (KIND_CLOZE = 1), css = 3.
    const config = encodeMessage([...(nt.cloze ? ([[1, 1]] as [number, number][]) : []), [3, '.card {}']]);
    db.prepare('INSERT INTO notetypes VALUES (?, ?, 0, 0, ?)').run(nt.id, nt.name, config);
    nt.fields.forEach((f, i) => {
      db.prepare('INSERT INTO fields VALUES (?, ?, ?, ?)').run(nt.id, i, f, encodeMessage([[3, 'Arial']]));
    });
    nt.templates.forEach((t, i) => {
      // Template.Config: q_format = 1, a_format = 2.
      const tc = encodeMessage([
        [1, t.qfmt],
        [2, t.afmt],
      ]);
      db.prepare('INSERT INTO templates VALUES (?, ?, ?, 0, 0, ?)').run(nt.id, i, t.name, tc);
    });
  }
  for (const d of c.decks)
    db.prepare('INSERT INTO decks VALUES (?, ?, 0, 0, ?, ?)').run(
      d.id,
      d.name,
      new Uint8Array(),
      encodeMessage([[1, encodeMessage([[1, 1]])]]),
    );
  db.prepare("INSERT INTO deck_config VALUES (1, 'Default', 0, 0, ?)").run(new Uint8Array());
  db.unsafeMode(true);
  db.pragma('writable_schema = ON');
  db.prepare("UPDATE sqlite_master SET sql = replace(sql, 'COLLATE NOCASE', 'COLLATE unicase')").run();
  db.pragma('writable_schema = OFF');
  db.unsafeMode(false);
  const bytes = db.serialize();
  db.close();
  return new Uint8Array(bytes);
}

/**
 * An .apkg as Anki 2.1.55+ writes it by default: meta (PackageMetadata version 3 = VERSION_LATEST), the schema-18
 * collection zstd-compressed as collection.anki21b, a placeholder collection.anki2 for old Ankis, a zstd-compressed
 * protobuf MediaEntries list and each media file zstd-compressed under its index.
 */
export function latestPackage(
  collection18: Uint8Array,
  media: { name: string; bytes: Uint8Array }[],
): Uint8Array {
  const placeholder = buildAnkiCollection({ col: col(11), notes: [], cards: [], revlog: [] });
  const entries = encodeMessage(
    media.map((m) => [
      1,
      encodeMessage([
        [1, m.name],
        [2, m.bytes.length],
        [3, createHash('sha1').update(m.bytes).digest()],
      ]),
    ]),
  );
  const files: Record<string, Uint8Array> = {};
  media.forEach((m, i) => {
    files[String(i)] = zstdCompressSync(m.bytes);
  });
  return zipSync({
    meta: encodeMessage([[1, 3]]),
    'collection.anki21b': zstdCompressSync(collection18),
    'collection.anki2': new Uint8Array(placeholder),
    media: zstdCompressSync(entries),
    ...files,
  });
}

/** A legacy (schema 11) package with one Basic note type and the given notes, cards, revlog and media. */
export function legacyPackage(c: {
  notes: AnkiNote[];
  cards: AnkiCard[];
  revlog?: AnkiRevlog[];
  media?: { name: string; bytes: Uint8Array }[];
}): Uint8Array {
  const models = {
    5: {
      id: 5,
      name: 'Basic',
      type: 0,
      flds: [{ name: 'Front' }, { name: 'Back' }],
      tmpls: [{ name: 'Card 1', qfmt: '{{Front}}', afmt: '{{Back}}' }],
    },
  };
  const decks = { 1: { id: 1, name: 'Default' }, 9: { id: 9, name: 'Old' } };
  const collection = buildAnkiCollection({
    col: col(11, JSON.stringify(models), JSON.stringify(decks)),
    notes: c.notes,
    cards: c.cards,
    revlog: c.revlog ?? [],
  });
  const map: Record<string, string> = {};
  const files: Record<string, Uint8Array> = {};
  (c.media ?? []).forEach((m, i) => {
    map[String(i)] = m.name;
    files[String(i)] = m.bytes;
  });
  return zipSync({
    'collection.anki2': new Uint8Array(collection),
    media: new TextEncoder().encode(JSON.stringify(map)),
    ...files,
  });
}
