import { extraDeckIds, inDecks } from './card-decks.ts';
import type { DB } from './open.ts';
import { stmt } from './statements.ts';

export type BrowseState = 'new' | 'learning' | 'review' | 'relearning' | 'suspended' | 'buried';
export type BrowseDue = 'overdue' | 'today' | 'week';

/** What Browse filters by; every part is optional and they combine with AND. */
export type BrowseQuery = {
  /** Words as typed: each word of 3+ characters goes through the trigram index, shorter ones through LIKE. */
  text: string;
  deck?: string;
  tag?: string;
  state?: BrowseState;
  due?: BrowseDue;
  /** Leeches: cards tagged "leech" or with at least this many lapses. */
  leechLapses?: number;
  rule?: string;
  /** Languages whose bundled decks are hidden: their cards are left out unless a deck is chosen. */
  hiddenLangs?: string[];
};

export type BrowseRow = {
  id: string;
  prompt: string;
  deck: string;
  state: number;
  due: number | null;
  suspended: number;
  buried_until: number | null;
  lapses: number;
  rule: string;
  source_file: string | null;
  source_line: number | null;
};

const STATE_SQL: Record<BrowseState, string> = {
  new: 'c.state = 0 AND c.suspended = 0',
  learning: 'c.state = 1 AND c.suspended = 0',
  review: 'c.state = 2 AND c.suspended = 0',
  relearning: 'c.state = 3 AND c.suspended = 0',
  suspended: 'c.suspended = 1',
  buried: 'c.buried_until > @now',
};

const likeEscape = (s: string) => s.replace(/[\\%_]/g, (m) => `\\${m}`);
/** One FTS5 string per word: quotes make every character literal (no operators from what the learner typed). */
const ftsPhrase = (word: string) => `"${word.replace(/"/g, '""')}"`;

/** Builds the WHERE clause from fixed fragments; values go in as parameters, never into the SQL text. */
function where(q: BrowseQuery, bounds: { now: number; dayEnd: number }) {
  const parts: string[] = [];
  const p: Record<string, unknown> = { now: bounds.now };
  const words = q.text.trim().split(/\s+/).filter(Boolean);
  const long = words.filter((w) => [...w].length >= 3);
  const short = words.filter((w) => [...w].length < 3);
  if (long.length) {
    parts.push('c.rowid IN (SELECT rowid FROM cards_fts WHERE cards_fts MATCH @match)');
    p.match = long.map(ftsPhrase).join(' AND ');
  }
  short.forEach((w, i) => {
    const k = `like${i}`;
    parts.push(
      `(c.prompt LIKE @${k} ESCAPE '\\' OR c.answer LIKE @${k} ESCAPE '\\' OR c.context LIKE @${k} ESCAPE '\\' OR c.tags LIKE @${k} ESCAPE '\\')`,
    );
    p[k] = `%${likeEscape(w)}%`;
  });
  if (q.deck !== undefined) {
    // A card filed in the deck besides its home deck is one of its cards too.
    parts.push(
      inDecks(
        "(SELECT id FROM decks WHERE name = @deck OR name LIKE @deckPrefix ESCAPE '\\')",
        'c.deck_id',
        'c.id',
      ),
    );
    p.deck = q.deck;
    p.deckPrefix = `${likeEscape(q.deck)}::%`;
  } else if (q.hiddenLangs?.length) {
    parts.push(
      'c.deck_id NOT IN (SELECT id FROM decks WHERE bundled = 1 AND lang IN (SELECT value FROM json_each(@hiddenLangs)))',
    );
    p.hiddenLangs = JSON.stringify(q.hiddenLangs);
  }
  if (q.tag !== undefined) {
    parts.push('EXISTS (SELECT 1 FROM json_each(c.tags) WHERE value = @tag)');
    p.tag = q.tag;
  }
  if (q.state !== undefined) parts.push(STATE_SQL[q.state]);
  if (q.due !== undefined) {
    parts.push('c.state > 0 AND c.due < @dueBefore');
    p.dueBefore =
      q.due === 'overdue' ? bounds.now : q.due === 'today' ? bounds.dayEnd : bounds.dayEnd + 6 * 86_400_000;
  }
  if (q.leechLapses !== undefined) {
    parts.push(
      `(c.lapses >= @leechLapses OR EXISTS (SELECT 1 FROM json_each(c.tags) WHERE value = 'leech'))`,
    );
    p.leechLapses = q.leechLapses;
  }
  if (q.rule !== undefined) {
    parts.push('c.rule = @rule');
    p.rule = q.rule;
  }
  return { sql: parts.length ? `WHERE ${parts.join(' AND ')}` : '', params: p };
}

const FROM = 'FROM cards c JOIN decks d ON d.id = c.deck_id';

/**
 * One page of matching cards in note order; `more` says whether any follow. Counting every match can take a whole
 * scan (a 2-character word at 100,000 cards), so it is a separate call the screen makes after painting the page.
 */
export function browseCards(
  db: DB,
  q: BrowseQuery,
  bounds: { now: number; dayEnd: number },
  page: { offset: number; limit: number },
): { more: boolean; rows: BrowseRow[] } {
  const w = where(q, bounds);
  const rows = stmt(
    db,
    `SELECT c.id, substr(c.prompt, 1, 240) AS prompt, (SELECT name FROM decks WHERE id = c.deck_id) AS deck, c.state,
            c.due, c.suspended, c.buried_until, c.lapses, c.rule, c.source_file, c.source_line
     FROM cards c ${w.sql} ORDER BY c.ord, c.id LIMIT @limit OFFSET @offset`,
  ).all({ ...w.params, offset: page.offset, limit: page.limit + 1 }) as BrowseRow[];
  const more = rows.length > page.limit;
  return { more, rows: more ? rows.slice(0, page.limit) : rows };
}

export function countCards(db: DB, q: BrowseQuery, bounds: { now: number; dayEnd: number }): number {
  const w = where(q, bounds);
  return (stmt(db, `SELECT count(*) AS n FROM cards c ${w.sql}`).get(w.params) as { n: number }).n;
}

/** The values the filters offer. */
export function browseFacets(db: DB): { decks: string[]; rules: string[]; tags: string[] } {
  const col = (sql: string) => (db.prepare(sql).all() as { v: string }[]).map((r) => r.v);
  return {
    decks: col('SELECT name AS v FROM decks ORDER BY name'),
    rules: col('SELECT DISTINCT rule AS v FROM cards ORDER BY rule'),
    tags: col(
      "SELECT DISTINCT j.value AS v FROM cards c, json_each(c.tags) j WHERE c.tags <> '[]' ORDER BY v",
    ),
  };
}

export type BrowseCardRow = BrowseRow & {
  answer: string;
  context: string;
  tags: string;
  kind: string;
  lang: string;
  note_id: string | null;
  stability: number;
  difficulty: number;
  reps: number;
  last_review: number | null;
  orphaned: number;
  deck_bundled: number;
};

export function browseCard(db: DB, id: string): BrowseCardRow | undefined {
  return stmt(
    db,
    `SELECT c.id, c.prompt, c.answer, c.context, c.tags, c.kind, c.lang, c.note_id, d.name AS deck, d.bundled AS deck_bundled,
            c.state, c.due, c.suspended, c.buried_until, c.lapses, c.reps, c.rule, c.source_file, c.source_line,
            c.stability, c.difficulty, c.last_review, c.orphaned
     ${FROM} WHERE c.id = ?`,
  ).get(id) as BrowseCardRow | undefined;
}

export type HistoryRow = {
  rating: number;
  state_before: number;
  reviewed_at: number;
  elapsed_ms: number;
  scheduled_days: number;
};

export function cardHistory(db: DB, id: string): HistoryRow[] {
  return stmt(
    db,
    `SELECT rating, state_before, reviewed_at, elapsed_ms, scheduled_days FROM review_log
     WHERE card_id = ? ORDER BY reviewed_at DESC, id DESC LIMIT 500`,
  ).all(id) as HistoryRow[];
}

/** Back to new: the schedule is forgotten, the review log stays (it is what happened). */
export function resetCard(db: DB, id: string, now: number): void {
  stmt(
    db,
    `UPDATE cards SET state = 0, due = NULL, stability = 0, difficulty = 0, elapsed_days = 0, scheduled_days = 0,
       learning_steps = 0, reps = 0, lapses = 0, last_review = NULL, buried_until = NULL, updated_at = ? WHERE id = ?`,
  ).run(now, id);
}

export function moveCard(db: DB, id: string, deckId: string, now: number): void {
  stmt(db, 'UPDATE cards SET deck_id = ?, updated_at = ? WHERE id = ?').run(deckId, now, id);
  // Its home now: no longer one of its other decks.
  stmt(db, 'DELETE FROM card_decks WHERE card_id = ? AND deck_id = ?').run(id, deckId);
}

/** Deletes a card with its review log, keeping both (and the attempts that pointed at it) for one undo. */
export function deleteCard(db: DB, id: string, now: number): void {
  const card = db.prepare('SELECT * FROM cards WHERE id = ?').get(id);
  const logs = db.prepare('SELECT * FROM review_log WHERE card_id = ? ORDER BY id').all(id);
  const attempts = (db.prepare('SELECT id FROM attempts WHERE card_id = ?').all(id) as { id: number }[]).map(
    (r) => r.id,
  );
  const decks = extraDeckIds(db, id);
  db.prepare('DELETE FROM cards_deleted').run();
  db.prepare(
    'INSERT INTO cards_deleted (card_id, card, logs, attempts, decks, deleted_at) VALUES (?, ?, ?, ?, ?, ?)',
  ).run(id, JSON.stringify(card), JSON.stringify(logs), JSON.stringify(attempts), JSON.stringify(decks), now);
  db.prepare('UPDATE attempts SET card_id = NULL WHERE card_id = ?').run(id);
  db.prepare('UPDATE exercises SET card_id = NULL WHERE card_id = ?').run(id);
  db.prepare('DELETE FROM review_undo WHERE card_id = ?').run(id);
  db.prepare('DELETE FROM review_log WHERE card_id = ?').run(id);
  db.prepare('DELETE FROM cards WHERE id = ?').run(id);
}

/** Puts the last deleted card back exactly as it was; null when there is nothing to undo. */
export function undeleteCard(db: DB): string | null {
  const saved = db.prepare('SELECT * FROM cards_deleted ORDER BY id DESC LIMIT 1').get() as
    | { id: number; card_id: string; card: string; logs: string; attempts: string; decks: string }
    | undefined;
  if (!saved) return null;
  const insert = (table: 'cards' | 'review_log', row: Record<string, unknown>) => {
    // Column names come from our own table's row, never from input.
    const cols = Object.keys(row);
    db.prepare(
      `INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map((c) => `@${c}`).join(', ')})`,
    ).run(row);
  };
  insert('cards', JSON.parse(saved.card) as Record<string, unknown>);
  for (const log of JSON.parse(saved.logs) as Record<string, unknown>[]) insert('review_log', log);
  const attempt = db.prepare('UPDATE attempts SET card_id = ? WHERE id = ?');
  for (const a of JSON.parse(saved.attempts) as number[]) attempt.run(saved.card_id, a);
  // Its other decks, those that still exist.
  const member = db.prepare(
    'INSERT OR IGNORE INTO card_decks (card_id, deck_id) SELECT ?, id FROM decks WHERE id = ?',
  );
  for (const d of JSON.parse(saved.decks) as string[]) member.run(saved.card_id, d);
  db.prepare('DELETE FROM cards_deleted WHERE id = ?').run(saved.id);
  return saved.card_id;
}

/** The deck a note's cards go to on import (moving one card in Browse does not change it). */
export function noteDeckName(db: DB, noteId: string): string | undefined {
  const row = stmt(db, 'SELECT d.name FROM notes n JOIN decks d ON d.id = n.deck_id WHERE n.id = ?').get(
    noteId,
  ) as { name: string } | undefined;
  return row?.name;
}
