import type { DB } from './open.ts';

/** The SQL of Check Database: each finder returns the rows in trouble, each fixer changes only the ids it is given. */

export function integrityProblems(db: DB, max = 20): string[] {
  const rows = db.pragma(`integrity_check(${max})`) as { integrity_check: string }[];
  const out = rows.map((r) => r.integrity_check);
  return out.length === 1 && out[0] === 'ok' ? [] : out;
}

const ids = (db: DB, sql: string, ...params: unknown[]) =>
  (db.prepare(sql).all(...params) as { id: string | number }[]).map((r) => r.id);

export const cardsWithoutDeck = (db: DB) =>
  ids(db, 'SELECT id FROM cards WHERE deck_id NOT IN (SELECT id FROM decks) ORDER BY id') as string[];
export const cardsWithoutNote = (db: DB) =>
  ids(
    db,
    'SELECT id FROM cards WHERE note_id IS NOT NULL AND note_id NOT IN (SELECT id FROM notes) ORDER BY id',
  ) as string[];
export const logRowsWithoutCard = (db: DB) =>
  ids(db, 'SELECT id FROM review_log WHERE card_id NOT IN (SELECT id FROM cards) ORDER BY id') as number[];
export const undoPastCard = (db: DB) =>
  ids(
    db,
    `SELECT id FROM review_undo WHERE card_id NOT IN (SELECT id FROM cards)
       OR review_log_id NOT IN (SELECT id FROM review_log) ORDER BY id`,
  ) as number[];
export const attemptsWithoutCard = (db: DB) =>
  ids(
    db,
    'SELECT id FROM attempts WHERE card_id IS NOT NULL AND card_id NOT IN (SELECT id FROM cards)',
  ) as number[];
export const exercisesWithoutCard = (db: DB) =>
  ids(
    db,
    'SELECT id FROM exercises WHERE card_id IS NOT NULL AND card_id NOT IN (SELECT id FROM cards)',
  ) as string[];

export type MemoryRow = {
  id: string;
  state: number;
  due: number | null;
  stability: number;
  difficulty: number;
  reps: number;
  lapses: number;
  scheduled_days: number;
};

/** Cards whose FSRS fields or due moment look wrong; core decides which are. NaN reads back as NULL. */
export function suspiciousMemory(db: DB, minDue: number, maxDue: number): MemoryRow[] {
  return db
    .prepare(
      `SELECT id, state, due, stability, difficulty, reps, lapses, scheduled_days FROM cards
        WHERE state NOT IN (0, 1, 2, 3) OR reps < 0 OR lapses < 0
           OR stability IS NULL OR difficulty IS NULL
           OR (state > 0 AND (stability <= 0 OR stability > 36500 OR difficulty < 1 OR difficulty > 10
                              OR due IS NULL OR due < @minDue OR due > @maxDue))
        ORDER BY id`,
    )
    .all({ minDue, maxDue }) as MemoryRow[];
}

export function moveCardsToDeck(db: DB, cardIds: string[], deckId: string, now: number): void {
  const s = db.prepare('UPDATE cards SET deck_id = ?, updated_at = ? WHERE id = ?');
  for (const id of cardIds) s.run(deckId, now, id);
}

export function detachCardsFromNote(db: DB, cardIds: string[], now: number): void {
  const s = db.prepare('UPDATE cards SET note_id = NULL, updated_at = ? WHERE id = ?');
  for (const id of cardIds) s.run(now, id);
}

export function deleteUndoEntries(db: DB, undoIds: number[]): void {
  const s = db.prepare('DELETE FROM review_undo WHERE id = ?');
  for (const id of undoIds) s.run(id);
}

export function clearAttemptCards(db: DB, attemptIds: number[]): void {
  const s = db.prepare('UPDATE attempts SET card_id = NULL WHERE id = ?');
  for (const id of attemptIds) s.run(id);
}

export function clearExerciseCards(db: DB, exerciseIds: string[]): void {
  const s = db.prepare('UPDATE exercises SET card_id = NULL WHERE id = ?');
  for (const id of exerciseIds) s.run(id);
}

export type MemoryFix = Pick<
  MemoryRow,
  'id' | 'state' | 'due' | 'stability' | 'difficulty' | 'reps' | 'lapses'
>;

export function writeMemoryFix(db: DB, fix: MemoryFix, now: number): void {
  db.prepare(
    `UPDATE cards SET state = @state, due = @due, stability = @stability, difficulty = @difficulty,
       reps = @reps, lapses = @lapses, updated_at = @now WHERE id = @id`,
  ).run({ ...fix, now });
}
