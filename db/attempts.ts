import type { DB } from './open.ts';

/** One graded answer to an exercise. `verdict` is the grader's Verdict as JSON. */
export type AttemptRow = {
  exercise_id: string;
  card_id: string | null;
  answer: string;
  passed: 0 | 1;
  score: number;
  hints_used: number;
  verdict: string;
  attempted_at: number;
};

export function insertAttempt(db: DB, a: AttemptRow): number {
  const sql = `INSERT INTO attempts (exercise_id, card_id, answer, passed, score, hints_used, verdict, attempted_at)
    VALUES (@exercise_id, @card_id, @answer, @passed, @score, @hints_used, @verdict, @attempted_at)`;
  return Number(db.prepare(sql).run(a).lastInsertRowid);
}

export function listAttempts(db: DB, exerciseId: string, limit = 50): (AttemptRow & { id: number })[] {
  return db
    .prepare('SELECT * FROM attempts WHERE exercise_id = ? ORDER BY attempted_at DESC, id DESC LIMIT ?')
    .all(exerciseId, limit) as (AttemptRow & { id: number })[];
}

/** Failed attempts since the last pass (or ever): a pass after any of these is rated Hard, not Good. */
export function countFailedSinceLastPass(db: DB, exerciseId: string): number {
  const row = db
    .prepare(
      `SELECT count(*) AS n FROM attempts WHERE exercise_id = @id AND passed = 0 AND id > coalesce(
         (SELECT max(id) FROM attempts WHERE exercise_id = @id AND passed = 1), 0)`,
    )
    .get({ id: exerciseId }) as { n: number };
  return row.n;
}

/** The card that schedules an exercise (kind 'manifest', cards.exercise_id), if the exercise has been imported. */
export function cardIdForExercise(db: DB, exerciseId: string): string | null {
  const row = db
    .prepare(
      `SELECT coalesce((SELECT card_id FROM exercises WHERE id = @id),
         (SELECT id FROM cards WHERE exercise_id = @id AND kind = 'manifest' ORDER BY created_at LIMIT 1)) AS card_id`,
    )
    .get({ id: exerciseId }) as { card_id: string | null };
  return row.card_id;
}

/** The exercises answered right at least once. */
export function passedExerciseIds(db: DB): Set<string> {
  const rows = db.prepare('SELECT DISTINCT exercise_id FROM attempts WHERE passed = 1').all() as {
    exercise_id: string;
  }[];
  return new Set(rows.map((r) => r.exercise_id));
}
