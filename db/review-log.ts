import type { DB } from './open.ts';
import { stmt } from './statements.ts';

/** The review_log columns a rating writes (ts-fsrs's ReviewLog: the card as it was before the rating). */
export type LogFields = {
  rating: number;
  state_before: number;
  due: number;
  stability: number;
  difficulty: number;
  elapsed_days: number;
  last_elapsed_days: number;
  scheduled_days: number;
  learning_steps: number;
  reviewed_at: number;
};

export type LogRow = LogFields & { card_id: string; elapsed_ms: number };

const INSERT_SQL = `INSERT INTO review_log (card_id, rating, state_before, due, stability, difficulty, elapsed_days,
  last_elapsed_days, scheduled_days, learning_steps, elapsed_ms, reviewed_at)
  VALUES (@card_id, @rating, @state_before, @due, @stability, @difficulty, @elapsed_days, @last_elapsed_days,
  @scheduled_days, @learning_steps, @elapsed_ms, @reviewed_at)`;

export function insertLog(db: DB, r: LogRow): number {
  return Number(stmt(db, INSERT_SQL).run(r).lastInsertRowid);
}

/** A prepared inserter for bulk loads (bench, simulations). */
export function logInserter(db: DB): (r: LogRow) => void {
  const s = stmt(db, INSERT_SQL);
  return (r) => {
    s.run(r);
  };
}

export function deleteLog(db: DB, id: number): void {
  stmt(db, 'DELETE FROM review_log WHERE id = ?').run(id);
}

export function getLog(db: DB, id: number): (LogRow & { id: number }) | undefined {
  return stmt(db, 'SELECT * FROM review_log WHERE id = ?').get(id) as (LogRow & { id: number }) | undefined;
}

export function countLogs(db: DB): number {
  return (db.prepare('SELECT count(*) AS n FROM review_log').get() as { n: number }).n;
}

export type UndoRow = {
  id: number;
  card_id: string;
  review_log_id: number;
  card_before: string;
  siblings_before: string;
  created_at: number;
};

/** Keeps the newest `keep` undo levels. */
export function pushUndo(db: DB, u: Omit<UndoRow, 'id'>, keep: number): void {
  stmt(
    db,
    `INSERT INTO review_undo (card_id, review_log_id, card_before, siblings_before, created_at)
     VALUES (@card_id, @review_log_id, @card_before, @siblings_before, @created_at)`,
  ).run(u);
  stmt(db, 'DELETE FROM review_undo WHERE id <= (SELECT max(id) FROM review_undo) - ?').run(keep);
}

export function latestUndo(db: DB): UndoRow | undefined {
  return stmt(db, 'SELECT * FROM review_undo ORDER BY id DESC LIMIT 1').get() as UndoRow | undefined;
}

export function deleteUndo(db: DB, id: number): void {
  stmt(db, 'DELETE FROM review_undo WHERE id = ?').run(id);
}

/** Every rating, grouped by card in time order: what the optimizer learns from. */
export function logsForOptimizer(
  db: DB,
): { card_id: string; rating: number; state_before: number; reviewed_at: number }[] {
  return db
    .prepare(
      'SELECT card_id, rating, state_before, reviewed_at FROM review_log ORDER BY card_id, reviewed_at, id',
    )
    .all() as { card_id: string; rating: number; state_before: number; reviewed_at: number }[];
}
