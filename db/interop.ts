import { inDecks } from './card-decks.ts';
import type { NewCardRow } from './cards.ts';
import type { DB } from './open.ts';
import type { CardRow, FsrsColumns } from './review.ts';
import type { LogRow } from './review-log.ts';

/** Every column of a card, with its deck's name: what an export writes. */
export type ExportCardRow = CardRow & {
  deck_name: string;
  prompt: string;
  rule: string;
  lang: string;
  context: string;
  ord: number;
  created_at: number;
  source_file: string | null;
};

/**
 * The cards to export, all or a deck's (with its sub-decks). A deck's cards include those filed in it besides their
 * home deck (card_decks); such a card is exported once, under the exported deck. A whole-collection export writes
 * each card once, under its home deck (an Anki card has one deck; the JSON backup keeps card_decks as it is).
 */
export function cardsForExport(db: DB, deckName?: string): ExportCardRow[] {
  const asked = '(SELECT id FROM decks WHERE name = @deck OR name LIKE @prefix)';
  return db
    .prepare(
      `SELECT c.*, CASE WHEN @deck IS NULL OR d.name = @deck OR d.name LIKE @prefix THEN d.name
                   ELSE (SELECT min(o.name) FROM card_decks m JOIN decks o ON o.id = m.deck_id
                         WHERE m.card_id = c.id AND m.deck_id IN ${asked}) END AS deck_name
       FROM cards c JOIN decks d ON d.id = c.deck_id
       WHERE @deck IS NULL OR ${inDecks(asked, 'c.deck_id', 'c.id')}
       ORDER BY deck_name, c.ord, c.id`,
    )
    .all({ deck: deckName ?? null, prefix: deckName ? `${deckName}::%` : null }) as ExportCardRow[];
}

/** A deck by its name, or a parent deck that only its children's names spell ("A" of "A::B"). */
export function deckOrParentExists(db: DB, name: string): boolean {
  return (
    db
      .prepare('SELECT 1 FROM decks WHERE name = ? OR substr(name, 1, ?) = ? LIMIT 1')
      .get(name, name.length + 2, `${name}::`) !== undefined
  );
}

export type ExportLogRow = LogRow & { id: number };

/** Review-log rows of the given cards, per card in time order. */
export function logsForCards(db: DB, cardIds: string[]): ExportLogRow[] {
  return db
    .prepare(
      `SELECT * FROM review_log WHERE card_id IN (SELECT value FROM json_each(?))
       ORDER BY card_id, reviewed_at, id`,
    )
    .all(JSON.stringify(cardIds)) as ExportLogRow[];
}

/** A card row as an interop import writes it: text and schedule together. */
export type ImportedCardRow = Omit<NewCardRow, 'note_id' | 'source_file' | 'source_line'> &
  FsrsColumns & { suspended: number };

/** Prepared once per import. Imported cards have no Markdown source (source_file NULL), so no note import claims them. */
export function importedCardWriter(db: DB) {
  const exists = db.prepare('SELECT 1 FROM cards WHERE id = ?');
  const insert = db.prepare(
    `INSERT INTO cards (id, deck_id, note_id, kind, rule, lang, prompt, answer, context, tags, source_file, source_line,
       heading_path, content_key, sibling_key, ord, exercise_id, state, due, stability, difficulty, elapsed_days,
       scheduled_days, learning_steps, reps, lapses, last_review, suspended, created_at, updated_at)
     VALUES (@id, @deck_id, NULL, @kind, @rule, @lang, @prompt, @answer, @context, @tags, NULL, NULL,
       @heading_path, @content_key, @sibling_key, @ord, @exercise_id, @state, @due, @stability, @difficulty,
       @elapsed_days, @scheduled_days, @learning_steps, @reps, @lapses, @last_review, @suspended, @now, @now)`,
  );
  const text = db.prepare(
    `UPDATE cards SET prompt = @prompt, answer = @answer, context = @context, heading_path = @heading_path,
       content_key = @content_key, updated_at = @now WHERE id = @id`,
  );
  const schedule = db.prepare(
    `UPDATE cards SET state = @state, due = @due, stability = @stability, difficulty = @difficulty,
       elapsed_days = @elapsed_days, scheduled_days = @scheduled_days, learning_steps = @learning_steps, reps = @reps,
       lapses = @lapses, last_review = @last_review WHERE id = @id`,
  );
  return {
    exists: (id: string) => exists.get(id) !== undefined,
    insert: (r: ImportedCardRow) => insert.run(r),
    updateText: (
      r: Pick<
        ImportedCardRow,
        'id' | 'prompt' | 'answer' | 'context' | 'heading_path' | 'content_key' | 'now'
      >,
    ) => text.run(r),
    updateSchedule: (id: string, s: FsrsColumns) => schedule.run({ id, ...s }),
  };
}

/** What an import compares a card it already has against: its text, when it last changed, its answers. */
export type LocalCardState = {
  id: string;
  prompt: string;
  answer: string;
  context: string;
  updated_at: number;
  source_file: string | null;
  source_line: number | null;
  logs: { rating: number; reviewed_at: number; elapsed_ms: number }[];
};

export function localCardStates(db: DB, ids: string[]): Map<string, LocalCardState> {
  const rows = db
    .prepare(
      `SELECT id, prompt, answer, context, updated_at, source_file, source_line FROM cards
       WHERE id IN (SELECT value FROM json_each(?))`,
    )
    .all(JSON.stringify(ids)) as Omit<LocalCardState, 'logs'>[];
  const out = new Map(rows.map((r) => [r.id, { ...r, logs: [] as LocalCardState['logs'] }]));
  const logs = db
    .prepare(
      `SELECT card_id, rating, reviewed_at, elapsed_ms FROM review_log
       WHERE card_id IN (SELECT value FROM json_each(?)) ORDER BY card_id, reviewed_at, id`,
    )
    .all(JSON.stringify([...out.keys()])) as {
    card_id: string;
    rating: number;
    reviewed_at: number;
    elapsed_ms: number;
  }[];
  for (const { card_id, ...l } of logs) out.get(card_id)!.logs.push(l);
  return out;
}

// ---- JSON backup: whole tables, column by column -------------------------------------------------------------

/** The tables a JSON backup holds, in the order a restore inserts them (foreign keys point backwards). */
export const BACKUP_TABLES = [
  'decks',
  'notes',
  'cards',
  'card_decks',
  'review_log',
  'exercises',
  'attempts',
  'settings',
  'import_runs',
] as const;
export type BackupTable = (typeof BACKUP_TABLES)[number];
export type Row = Record<string, string | number | null>;

export const tableColumns = (db: DB, table: string): string[] =>
  (db.prepare('SELECT name FROM pragma_table_info(?)').all(table) as { name: string }[]).map((r) => r.name);

export function dumpTable(db: DB, table: BackupTable): Row[] {
  const order = tableColumns(db, table).includes('id') ? 'id' : 'rowid';
  return db.prepare(`SELECT * FROM ${table} ORDER BY ${order}`).all() as Row[];
}

/** Inserts rows, taking only the columns this schema has; returns how many. */
export function restoreTable(db: DB, table: BackupTable, rows: Row[]): number {
  if (rows.length === 0) return 0;
  const cols = tableColumns(db, table);
  const used = cols.filter((c) => rows.some((r) => c in r));
  const stmt = db.prepare(
    `INSERT INTO ${table} (${used.join(', ')}) VALUES (${used.map((c) => `@${c}`).join(', ')})`,
  );
  for (const r of rows) stmt.run(Object.fromEntries(used.map((c) => [c, r[c] ?? null])));
  return rows.length;
}

/** What makes a database "not empty" for a restore: the learner's own work. Bundled decks alone do not count. */
export function learnerDataCounts(db: DB): { reviews: number; attempts: number; ownCards: number } {
  const n = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
  return {
    reviews: n('SELECT count(*) AS n FROM review_log'),
    attempts: n('SELECT count(*) AS n FROM attempts'),
    ownCards: n('SELECT count(*) AS n FROM cards c JOIN decks d ON d.id = c.deck_id WHERE d.bundled = 0'),
  };
}

/** Empties every table a restore fills (called only on a database without learner data). */
export function clearForRestore(db: DB): void {
  for (const t of ['review_undo', 'review_quarter', ...[...BACKUP_TABLES].reverse()])
    db.prepare(`DELETE FROM ${t}`).run();
}

export const countRows = (db: DB, table: BackupTable): number =>
  (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

/**
 * A schedule estimated from another app's record; never overwrites a card the learner has reviewed here. Says
 * whether it was set.
 */
export function setEstimatedSchedule(db: DB, id: string, s: FsrsColumns): boolean {
  return (
    db
      .prepare(
        `UPDATE cards SET state = @state, due = @due, stability = @stability, difficulty = @difficulty,
       elapsed_days = @elapsed_days, scheduled_days = @scheduled_days, learning_steps = @learning_steps, reps = @reps,
       lapses = @lapses, last_review = @last_review
     WHERE id = @id AND NOT EXISTS (SELECT 1 FROM review_log WHERE card_id = @id)`,
      )
      .run({ id, ...s }).changes > 0
  );
}
