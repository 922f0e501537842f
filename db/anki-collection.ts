import Database from 'better-sqlite3';
import type { DB } from './open.ts';

/**
 * Anki's legacy collection (schema 11, `collection.anki2`): the format every Anki and AnkiDroid opens. Table and
 * column names follow Anki's published rslib/src/storage/schema11.sql; the col row's JSON columns hold the note
 * types (models), decks and deck options (dconf).
 */
const SCHEMA11 = `
CREATE TABLE col (id integer primary key, crt integer not null, mod integer not null, scm integer not null,
  ver integer not null, dty integer not null, usn integer not null, ls integer not null, conf text not null,
  models text not null, decks text not null, dconf text not null, tags text not null);
CREATE TABLE notes (id integer primary key, guid text not null, mid integer not null, mod integer not null,
  usn integer not null, tags text not null, flds text not null, sfld integer not null, csum integer not null,
  flags integer not null, data text not null);
CREATE TABLE cards (id integer primary key, nid integer not null, did integer not null, ord integer not null,
  mod integer not null, usn integer not null, type integer not null, queue integer not null, due integer not null,
  ivl integer not null, factor integer not null, reps integer not null, lapses integer not null,
  left integer not null, odue integer not null, odid integer not null, flags integer not null, data text not null);
CREATE TABLE revlog (id integer primary key, cid integer not null, usn integer not null, ease integer not null,
  ivl integer not null, lastIvl integer not null, factor integer not null, time integer not null,
  type integer not null);
CREATE TABLE graves (usn integer not null, oid integer not null, type integer not null);
CREATE INDEX ix_notes_usn ON notes (usn);
CREATE INDEX ix_cards_usn ON cards (usn);
CREATE INDEX ix_revlog_usn ON revlog (usn);
CREATE INDEX ix_cards_nid ON cards (nid);
CREATE INDEX ix_cards_sched ON cards (did, queue, due);
CREATE INDEX ix_revlog_cid ON revlog (cid);
CREATE INDEX ix_notes_csum ON notes (csum);
`;

export type AnkiCol = {
  crt: number;
  mod: number;
  scm: number;
  ver: number;
  conf: string;
  models: string;
  decks: string;
  dconf: string;
  tags: string;
};
export type AnkiNote = {
  id: number;
  guid: string;
  mid: number;
  mod: number;
  tags: string;
  flds: string;
  sfld: string;
  csum: number;
  data: string;
};
export type AnkiCard = {
  id: number;
  nid: number;
  did: number;
  ord: number;
  mod: number;
  type: number;
  queue: number;
  due: number;
  ivl: number;
  factor: number;
  reps: number;
  lapses: number;
  left: number;
  odue: number;
  odid: number;
  data: string;
};
export type AnkiRevlog = {
  id: number;
  cid: number;
  ease: number;
  ivl: number;
  lastIvl: number;
  factor: number;
  time: number;
  type: number;
};
/**
 * Schema 15 and later (current Anki writes 18) keep note types, their fields and templates, and decks in tables of
 * their own, with protobuf configs; col.models and col.decks are then empty. Deck names separate levels with \x1f.
 */
export type AnkiTables = {
  notetypes: { id: number; name: string; config: Uint8Array }[];
  fields: { ntid: number; ord: number; name: string }[];
  templates: { ntid: number; ord: number; name: string; config: Uint8Array }[];
  decks: { id: number; name: string }[];
};
export type AnkiCollection = {
  col: AnkiCol;
  notes: AnkiNote[];
  cards: AnkiCard[];
  revlog: AnkiRevlog[];
  tables?: AnkiTables;
};

/** Builds a schema-11 collection in memory and returns the SQLite file's bytes. */
export function buildAnkiCollection(c: AnkiCollection): Buffer {
  const db = new Database(':memory:');
  try {
    db.exec(SCHEMA11);
    db.transaction(() => {
      db.prepare(
        `INSERT INTO col VALUES (1, @crt, @mod, @scm, @ver, 0, 0, 0, @conf, @models, @decks, @dconf, @tags)`,
      ).run(c.col);
      const note = db.prepare(
        `INSERT INTO notes VALUES (@id, @guid, @mid, @mod, 0, @tags, @flds, @sfld, @csum, 0, @data)`,
      );
      for (const n of c.notes) note.run(n);
      const card = db.prepare(
        `INSERT INTO cards VALUES (@id, @nid, @did, @ord, @mod, 0, @type, @queue, @due, @ivl, @factor, @reps, @lapses,
           @left, @odue, @odid, 0, @data)`,
      );
      for (const k of c.cards) card.run(k);
      const log = db.prepare(
        `INSERT INTO revlog VALUES (@id, @cid, 0, @ease, @ivl, @lastIvl, @factor, @time, @type)`,
      );
      for (const r of c.revlog) log.run(r);
    })();
    return db.serialize();
  } finally {
    db.close();
  }
}

/**
 * A collection copied while in WAL mode says so in its header (bytes 18 and 19 are 2), and SQLite cannot open such
 * bytes in memory ("unable to open database file"). A packaged collection has no -wal file beside it, so its pages are
 * all there is: the copy's header is set back to the rollback journal (1) before opening.
 */
function rollbackJournalHeader(bytes: Uint8Array): Buffer {
  const copy = Buffer.from(bytes);
  if (
    copy.length >= 100 &&
    copy.toString('latin1', 0, 15) === 'SQLite format 3' &&
    copy[18] === 2 &&
    copy[19] === 2
  ) {
    copy[18] = 1;
    copy[19] = 1;
  }
  return copy;
}

/**
 * Current Anki declares its text columns and indexes (note type, field, template and deck names) with its own
 * UNICASE collation, which only Anki registers: SQLite then refuses to read those tables at all ("no such collation
 * sequence: unicase"). The collection here is an in-memory copy of the package's bytes, so its schema text is
 * rewritten to SQLite's NOCASE and the copy reopened read-only; the package itself is never touched.
 */
function withoutAnkiCollation(db: DB): DB {
  const uses = db.prepare("SELECT 1 FROM sqlite_master WHERE sql LIKE '%collate%unicase%' LIMIT 1").get();
  if (!uses) return db;
  db.unsafeMode(true);
  db.pragma('writable_schema = ON');
  db.prepare(
    "UPDATE sqlite_master SET sql = replace(replace(sql, 'unicase', 'nocase'), 'UNICASE', 'NOCASE')",
  ).run();
  db.pragma('writable_schema = OFF');
  const copy = db.serialize();
  db.close();
  return new Database(copy, { readonly: true });
}

/** The tables a schema-11 collection must have, with the columns this reader needs. */
const REQUIRED: Record<string, string[]> = {
  col: ['crt', 'models', 'decks', 'dconf', 'ver'],
  notes: ['id', 'guid', 'mid', 'flds', 'tags'],
  cards: ['id', 'nid', 'did', 'ord', 'type', 'queue', 'due', 'ivl', 'factor', 'reps', 'lapses'],
  revlog: ['id', 'cid', 'ease', 'ivl', 'time', 'type'],
};

/** Reads a schema-11 collection from its bytes; returns a message naming what is missing when it is not one. */
export function readAnkiCollection(bytes: Uint8Array): AnkiCollection | { problem: string } {
  let db: DB;
  try {
    db = withoutAnkiCollation(new Database(rollbackJournalHeader(bytes)));
  } catch (e) {
    return { problem: `not an SQLite database (${(e as Error).message})` };
  }
  try {
    for (const [table, cols] of Object.entries(REQUIRED)) {
      const have = new Set(
        (db.prepare('SELECT name FROM pragma_table_info(?)').all(table) as { name: string }[]).map(
          (r) => r.name,
        ),
      );
      if (have.size === 0) return { problem: `no ${table} table` };
      const missing = cols.filter((c) => !have.has(c));
      if (missing.length) return { problem: `table ${table} lacks ${missing.join(', ')}` };
    }
    const col = db
      .prepare('SELECT crt, mod, scm, ver, conf, models, decks, dconf, tags FROM col LIMIT 1')
      .get() as AnkiCol | undefined;
    if (!col) return { problem: 'the col table is empty' };
    const notes = db
      .prepare('SELECT id, guid, mid, mod, tags, flds, sfld, csum, data FROM notes ORDER BY id')
      .all() as AnkiNote[];
    const cards = db
      .prepare(
        `SELECT id, nid, did, ord, mod, type, queue, due, ivl, factor, reps, lapses, left, odue, odid, data
         FROM cards ORDER BY nid, ord`,
      )
      .all() as AnkiCard[];
    const revlog = db
      .prepare('SELECT id, cid, ease, ivl, lastIvl, factor, time, type FROM revlog ORDER BY cid, id')
      .all() as AnkiRevlog[];
    const hasTables = db
      .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'notetypes'")
      .get();
    return hasTables ? { col, notes, cards, revlog, tables: readTables(db) } : { col, notes, cards, revlog };
  } catch (e) {
    return { problem: `unreadable collection (${(e as Error).message})` };
  } finally {
    db.close();
  }
}

function readTables(db: DB): AnkiTables {
  return {
    notetypes: db
      .prepare('SELECT id, name, config FROM notetypes ORDER BY id')
      .all() as AnkiTables['notetypes'],
    fields: db.prepare('SELECT ntid, ord, name FROM fields ORDER BY ntid, ord').all() as AnkiTables['fields'],
    templates: db
      .prepare('SELECT ntid, ord, name, config FROM templates ORDER BY ntid, ord')
      .all() as AnkiTables['templates'],
    decks: db.prepare('SELECT id, name FROM decks ORDER BY id').all() as AnkiTables['decks'],
  };
}
