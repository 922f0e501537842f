import { inDecks } from './card-decks.ts';
import type { DB } from './open.ts';
import { stmt } from './statements.ts';

/** What the importer needs to know about every stored card to match it, without loading its text. */
export type CardKeyRow = {
  id: string;
  content_key: string;
  note_id: string | null;
  source_file: string | null;
  orphaned: number;
  deck_id: string;
  kind: string;
};
export type CardTextRow = CardKeyRow & { prompt: string; answer: string; context: string; tags: string };

export type NewCardRow = {
  id: string;
  deck_id: string;
  note_id: string | null;
  kind: string;
  rule: string;
  lang: string;
  prompt: string;
  answer: string;
  context: string;
  tags: string;
  source_file: string;
  source_line: number;
  heading_path: string;
  content_key: string;
  sibling_key: string;
  ord: number;
  exercise_id: string | null;
  now: number;
};

export function allCardKeys(db: DB): CardKeyRow[] {
  return db
    .prepare('SELECT id, content_key, note_id, source_file, orphaned, deck_id, kind FROM cards')
    .all() as CardKeyRow[];
}

const KEY_COLS = 'id, content_key, note_id, source_file, orphaned, deck_id, kind';
const TEXT_COLS = `${KEY_COLS}, prompt, answer, context, tags`;

/** The cards an import may hand over to another note: those of the given notes (index on note_id). */
export function cardKeysOfNote(db: DB, noteId: string): CardKeyRow[] {
  return stmt(db, `SELECT ${KEY_COLS} FROM cards WHERE note_id = ?`).all(noteId) as CardKeyRow[];
}

/**
 * Cards whose source disappeared earlier, which any import may bring back: those of one note, or (noteId null)
 * those whose note is gone. Both read the note_id index, never the whole table.
 */
export function orphanedCardKeys(db: DB, noteId: string | null): CardKeyRow[] {
  return (
    noteId === null
      ? stmt(db, `SELECT ${KEY_COLS} FROM cards WHERE note_id IS NULL AND orphaned = 1`).all()
      : stmt(db, `SELECT ${KEY_COLS} FROM cards WHERE note_id = ? AND orphaned = 1`).all(noteId)
  ) as CardKeyRow[];
}

/** Every card of one note with the text a re-import compares against. */
export function cardTextsOfNote(db: DB, noteId: string): CardTextRow[] {
  return stmt(db, `SELECT ${TEXT_COLS} FROM cards WHERE note_id = ?`).all(noteId) as CardTextRow[];
}

export function cardTexts(db: DB, ids: string[]): CardTextRow[] {
  const one = stmt(db, `SELECT ${TEXT_COLS} FROM cards WHERE id = ?`);
  return ids.map((id) => one.get(id) as CardTextRow);
}

/** The stored card a parsed card became, if any: same text from the same file. */
export function cardIdByKey(db: DB, contentKey: string, source: string): string | undefined {
  return (
    stmt(db, 'SELECT id FROM cards WHERE content_key = ? AND source_file = ? LIMIT 1').get(
      contentKey,
      source,
    ) as { id: string } | undefined
  )?.id;
}

/**
 * Where new cards continue the order. `ord` only orders new cards in the queue, so the highest among new cards
 * (an index read) is what counts; the latest row guards a collection whose new cards were all studied. Neither
 * reads the table: a full scan of 100,000 cards costs more than the rest of a one-note re-import.
 */
export function maxOrd(db: DB): number {
  // Named, because the planner prefers cards_memory here and then reads every new card.
  const newest = stmt(
    db,
    'SELECT max(ord) AS m FROM cards INDEXED BY cards_queue_new WHERE state = 0 AND suspended = 0',
  ).get() as {
    m: number | null;
  };
  const latest = stmt(db, 'SELECT ord AS m FROM cards ORDER BY rowid DESC LIMIT 1').get() as
    | { m: number }
    | undefined;
  return Math.max(newest.m ?? 0, latest?.m ?? 0);
}

/** Statements prepared once per import: an import of 100,000 cards runs them 100,000 times. */
export function cardWriter(db: DB) {
  // OR IGNORE: a taken id (the same text in two notes) is answered with changes = 0 and the caller tries the next.
  const insert = db.prepare(
    `INSERT OR IGNORE INTO cards (id, deck_id, note_id, kind, rule, lang, prompt, answer, context, tags, source_file, source_line,
       heading_path, content_key, sibling_key, ord, exercise_id, created_at, updated_at)
     VALUES (@id, @deck_id, @note_id, @kind, @rule, @lang, @prompt, @answer, @context, @tags, @source_file, @source_line,
       @heading_path, @content_key, @sibling_key, @ord, @exercise_id, @now, @now)`,
  );
  // Keeps id, schedule and history; replaces what the note now says.
  const update = db.prepare(
    `UPDATE cards SET deck_id = @deck_id, note_id = @note_id, kind = @kind, rule = @rule, lang = @lang, prompt = @prompt,
       answer = @answer, context = @context, tags = @tags, source_file = @source_file, source_line = @source_line,
       heading_path = @heading_path, content_key = @content_key, sibling_key = @sibling_key, exercise_id = @exercise_id,
       suspended = CASE WHEN orphaned = 1 THEN 0 ELSE suspended END, orphaned = 0, updated_at = @now
     WHERE id = @id`,
  );
  const orphan = db.prepare(
    'UPDATE cards SET orphaned = 1, suspended = 1, updated_at = ? WHERE id = ? AND orphaned = 0',
  );
  // A card first stored as new turned out to be an older card that moved: the older row (id, schedule, history)
  // takes the new row's content, and the new row goes.
  const merge = db.prepare(
    `UPDATE cards SET deck_id = n.deck_id, note_id = n.note_id, kind = n.kind, rule = n.rule, lang = n.lang,
       prompt = n.prompt, answer = n.answer, context = n.context, tags = n.tags, source_file = n.source_file,
       source_line = n.source_line, heading_path = n.heading_path, content_key = n.content_key,
       sibling_key = n.sibling_key, exercise_id = n.exercise_id,
       suspended = CASE WHEN cards.orphaned = 1 THEN 0 ELSE cards.suspended END, orphaned = 0, updated_at = @now
     FROM (SELECT * FROM cards WHERE id = @from) AS n
     WHERE cards.id = @into`,
  );
  // The older row takes the new row's other decks too (the note says them now).
  const clearDecks = db.prepare('DELETE FROM card_decks WHERE card_id = ?');
  const moveDecks = db.prepare('UPDATE card_decks SET card_id = @into WHERE card_id = @from');
  const drop = db.prepare('DELETE FROM cards WHERE id = ?');
  return {
    insert: (r: NewCardRow) => insert.run(r).changes > 0,
    merge: (from: string, into: string, now: number) => {
      merge.run({ from, into, now });
      clearDecks.run(into);
      moveDecks.run({ from, into });
      drop.run(from);
    },
    update: (r: Omit<NewCardRow, 'ord'>) => update.run(r),
    orphan: (id: string, now: number) => orphan.run(now, id).changes > 0,
  };
}

export function cardIdsOfNote(db: DB, noteId: string): string[] {
  return (db.prepare('SELECT id FROM cards WHERE note_id = ?').all(noteId) as { id: string }[]).map(
    (r) => r.id,
  );
}

export type CardListRow = {
  id: string;
  deck: string;
  lang: string;
  kind: string;
  prompt: string;
  answer: string;
  context: string;
  tags: string;
  source_file: string | null;
  source_line: number | null;
  rule: string;
  suspended: number;
  /** JSON list of the card's other decks' names ("[]" for most cards). */
  also_in?: string;
};

export function listCards(db: DB, deckName?: string): CardListRow[] {
  // A deck's cards include those filed in it besides their home deck (card_decks).
  return db
    .prepare(
      `SELECT c.id, d.name AS deck, c.lang, c.kind, c.prompt, c.answer, c.context, c.tags, c.source_file, c.source_line,
              c.rule, c.suspended,
              (SELECT json_group_array(o.name) FROM card_decks m JOIN decks o ON o.id = m.deck_id
                WHERE m.card_id = c.id ORDER BY o.name) AS also_in
       FROM cards c JOIN decks d ON d.id = c.deck_id
       WHERE @deck IS NULL OR ${inDecks('(SELECT id FROM decks WHERE name = @deck OR name LIKE @prefix)', 'c.deck_id', 'c.id')}
       ORDER BY d.name, c.ord`,
    )
    .all({ deck: deckName ?? null, prefix: deckName ? `${deckName}::%` : null }) as CardListRow[];
}

/** What the import summary says about a card the notes no longer make; `reps` > 0 means it has a history. */
export type CardHistoryRow = {
  id: string;
  rule: string;
  prompt: string;
  source_file: string | null;
  source_line: number | null;
  reps: number;
};
export function cardHistory(db: DB, id: string): CardHistoryRow | undefined {
  return stmt(db, 'SELECT id, rule, prompt, source_file, source_line, reps FROM cards WHERE id = ?').get(
    id,
  ) as CardHistoryRow | undefined;
}
