import { anyExtraDecks, inDecks } from './card-decks.ts';
import type { DB } from './open.ts';
import { stmt } from './statements.ts';

/** The FSRS columns of a cards row (times in ms epoch, real instants). */
export type FsrsColumns = {
  state: number;
  due: number | null;
  stability: number;
  difficulty: number;
  elapsed_days: number;
  scheduled_days: number;
  learning_steps: number;
  reps: number;
  lapses: number;
  last_review: number | null;
};

/** A whole cards row, as undo saves and restores it. */
export type CardRow = FsrsColumns & {
  id: string;
  deck_id: string;
  kind: string;
  sibling_key: string;
  answer: string;
  tags: string;
  suspended: number;
  buried_until: number | null;
  orphaned: number;
  exercise_id: string | null;
  [column: string]: unknown;
};

/** Which decks the queue draws from: null = all. */
export type Scope = string[] | null;

const SCOPE_DECKS = '(SELECT value FROM json_each(@decks))';
/**
 * The scope's cards: those whose home deck is in it and, once any card is in more than one deck (card_decks), those
 * filed in one of its decks too. Without such cards the condition stays one a deck index answers.
 */
const deckFilter = (db: DB, scope: Scope) =>
  scope ? ` AND ${anyExtraDecks(db) ? inDecks(SCOPE_DECKS) : `deck_id IN ${SCOPE_DECKS}`}` : '';
const visible = ' AND suspended = 0 AND (buried_until IS NULL OR buried_until <= @now)';
const params = (scope: Scope, p: Record<string, unknown>) =>
  scope ? { ...p, decks: JSON.stringify(scope) } : p;

export function getCardRow(db: DB, id: string): CardRow | undefined {
  return stmt(db, 'SELECT * FROM cards WHERE id = ?').get(id) as CardRow | undefined;
}

/** The earliest learning/relearning card due by `cutoff` (now, or now + learn-ahead). */
export function nextLearningId(db: DB, scope: Scope, now: number, cutoff: number): string | undefined {
  const sql = `SELECT id FROM cards WHERE state IN (1, 3) AND due <= @cutoff${visible}${deckFilter(db, scope)}
    ORDER BY due LIMIT 1`;
  return (stmt(db, sql).get(params(scope, { now, cutoff })) as { id: string } | undefined)?.id;
}

/**
 * The review card to show: earliest due day first, then lowest retrievability. R falls monotonically in
 * elapsed/stability, so "lowest R" is "highest elapsed/stability" and needs no pow() per row; only the cards of the
 * earliest due day are sorted, found through the (state, due) index.
 */
export function nextReviewId(db: DB, scope: Scope, now: number): string | undefined {
  const where = `state = 2 AND due <= @now${visible}${deckFilter(db, scope)}`;
  const sql = `SELECT id FROM cards WHERE ${where} AND due = (SELECT min(due) FROM cards WHERE ${where})
    ORDER BY (@now - last_review) / max(stability, 0.001) DESC, id LIMIT 1`;
  return (stmt(db, sql).get(params(scope, { now })) as { id: string } | undefined)?.id;
}

export function nextNewId(db: DB, scope: Scope, now: number): string | undefined {
  // Walk new cards in note order; left alone, the planner sorts every new card through cards_memory first.
  // A deck's cards filed from other decks are not in the per-deck index: then the note-order walk filters them.
  const index = scope && !anyExtraDecks(db) ? 'cards_queue_new_deck' : 'cards_queue_new';
  const sql = `SELECT id FROM cards INDEXED BY ${index} WHERE state = 0${visible}${deckFilter(db, scope)}
    ORDER BY ord, id LIMIT 1`;
  return (stmt(db, sql).get(params(scope, { now })) as { id: string } | undefined)?.id;
}

const count = (db: DB, scope: Scope, sql: string, p: Record<string, unknown>) =>
  (stmt(db, sql).get(params(scope, p)) as { n: number }).n;

/** New cards that could show now, counted up to `cap`. */
export function countNew(db: DB, scope: Scope, now: number, cap: number): number {
  const sql = `SELECT count(*) AS n FROM (SELECT 1 FROM cards WHERE state = 0${visible}${deckFilter(db, scope)} LIMIT @cap)`;
  return count(db, scope, sql, { now, cap });
}

/** Review cards due now, counted up to `cap`. */
export function countDueReviews(db: DB, scope: Scope, now: number, cap: number): number {
  const sql = `SELECT count(*) AS n FROM (SELECT 1 FROM cards WHERE state = 2 AND due <= @now${visible}${deckFilter(db, scope)}
    LIMIT @cap)`;
  return count(db, scope, sql, { now, cap });
}

/** Learning and relearning cards due before the day ends. */
export function countLearning(db: DB, scope: Scope, now: number, dayEnd: number): number {
  const sql = `SELECT count(*) AS n FROM cards WHERE state IN (1, 3) AND due < @end${visible}${deckFilter(db, scope)}`;
  return count(db, scope, sql, { now, end: dayEnd });
}

/** New cards introduced and review cards answered since `dayStart`. */
export function doneToday(db: DB, scope: Scope, dayStart: number): { new: number; review: number } {
  const sql = `SELECT coalesce(sum(state_before = 0), 0) AS new, coalesce(sum(state_before = 2), 0) AS review
    FROM review_log WHERE reviewed_at >= @start AND state_before IN (0, 2)${
      scope ? ' AND card_id IN (SELECT id FROM cards WHERE 1=1' + deckFilter(db, scope) + ')' : ''
    }`;
  return stmt(db, sql).get(params(scope, { start: dayStart })) as { new: number; review: number };
}

export type SchedUpdate = FsrsColumns & {
  id: string;
  tags: string;
  suspended: number;
  updated_at: number;
};

export function writeSchedule(db: DB, u: SchedUpdate): void {
  stmt(
    db,
    `UPDATE cards SET state = @state, due = @due, stability = @stability, difficulty = @difficulty,
       elapsed_days = @elapsed_days, scheduled_days = @scheduled_days, learning_steps = @learning_steps, reps = @reps,
       lapses = @lapses, last_review = @last_review, tags = @tags, suspended = @suspended, updated_at = @updated_at
     WHERE id = @id`,
  ).run(u);
}

/** Puts a saved row back exactly, every column. */
export function restoreCardRow(db: DB, row: CardRow): void {
  const cols = (stmt(db, 'SELECT name FROM pragma_table_info(?)').all('cards') as { name: string }[])
    .map((c) => c.name)
    .filter((c) => c !== 'id' && c in row);
  stmt(db, `UPDATE cards SET ${cols.map((c) => `${c} = @${c}`).join(', ')} WHERE id = @id`).run(
    Object.fromEntries([['id', row.id], ...cols.map((c) => [c, row[c]])]),
  );
}

export type SiblingState = { id: string; buried_until: number | null; updated_at: number };

// Without INDEXED BY the planner prefers cards_memory (suspended, state) and walks every new card: 60 ms a
// rating at 100,000 cards instead of a few rows.
export const BURYABLE_SIBLINGS_SQL = `SELECT id, buried_until, updated_at FROM cards INDEXED BY cards_sibling
  WHERE sibling_key = ? AND id != ? AND state IN (0, 2) AND suspended = 0 AND (buried_until IS NULL OR buried_until < ?)`;

/** New and review siblings of a card that are not already buried past `until` (learning ones keep their steps). */
export function buryableSiblings(
  db: DB,
  card: { id: string; sibling_key: string },
  until: number,
): SiblingState[] {
  return stmt(db, BURYABLE_SIBLINGS_SQL).all(card.sibling_key, card.id, until) as SiblingState[];
}

export function setBuriedUntil(db: DB, id: string, until: number | null, now: number): void {
  stmt(db, 'UPDATE cards SET buried_until = ?, updated_at = ? WHERE id = ?').run(until, now, id);
}

export function setSuspended(db: DB, id: string, suspended: boolean, now: number): void {
  stmt(db, 'UPDATE cards SET suspended = ?, updated_at = ? WHERE id = ?').run(suspended ? 1 : 0, now, id);
}

/** Deck ids of a deck and its sub-decks ("A" selects "A" and "A::B"). */
export function scopeOfDeck(db: DB, name: string): string[] {
  return (
    stmt(db, 'SELECT id FROM decks WHERE name = ? OR name LIKE ?').all(name, `${name}::%`) as { id: string }[]
  ).map((r) => r.id);
}

export type DeckOverride = { id: string; new_per_day: number | null; reviews_per_day: number | null };

/** Decks with a daily limit of their own. */
export function deckOverrides(db: DB): DeckOverride[] {
  return stmt(
    db,
    'SELECT id, new_per_day, reviews_per_day FROM decks WHERE new_per_day IS NOT NULL OR reviews_per_day IS NOT NULL',
  ).all() as DeckOverride[];
}

export function allDeckIds(db: DB): string[] {
  return (stmt(db, 'SELECT id FROM decks').all() as { id: string }[]).map((r) => r.id);
}

export function deckLimits(
  db: DB,
  name: string,
): { new_per_day: number | null; reviews_per_day: number | null } | undefined {
  return stmt(db, 'SELECT new_per_day, reviews_per_day FROM decks WHERE name = ?').get(name) as
    | { new_per_day: number | null; reviews_per_day: number | null }
    | undefined;
}

/** Short one-line answers in a language, a bounded sample for multiple-choice distractors (core classifies them). */
export function shortAnswers(db: DB, lang: string, excludeAnswer: string): string[] {
  return (
    stmt(
      db,
      `SELECT DISTINCT answer FROM cards WHERE lang = ? AND answer != ? AND kind != 'manifest'
         AND length(answer) <= 80 AND instr(answer, char(10)) = 0 ORDER BY id LIMIT 5000`,
    ).all(lang, excludeAnswer) as { answer: string }[]
  ).map((r) => r.answer);
}

/** The row core/cards-json.ts turns into CardJson, for one card. */
export function cardListRow(db: DB, id: string): import('./cards.ts').CardListRow | undefined {
  return stmt(
    db,
    `SELECT c.id, d.name AS deck, c.lang, c.kind, c.prompt, c.answer, c.context, c.tags, c.source_file,
            c.source_line, c.rule, c.suspended
     FROM cards c JOIN decks d ON d.id = c.deck_id WHERE c.id = ?`,
  ).get(id) as import('./cards.ts').CardListRow | undefined;
}
