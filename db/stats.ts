import type { DB } from './open.ts';

/** Rows per bucket, for buckets given as consecutive boundaries [b0, b1, ..., bn] (n buckets, b(i) ≤ t < b(i+1)). */
function perBucket(db: DB, sql: string, bounds: number[]): number[] {
  const rows = db
    .prepare(
      `WITH b(i, s, e) AS (SELECT key, value, lead(value) OVER (ORDER BY key) FROM json_each(?))
       SELECT i, (${sql}) AS n FROM b WHERE e IS NOT NULL ORDER BY i`,
    )
    .all(JSON.stringify(bounds)) as { i: number; n: number }[];
  return rows.map((r) => r.n);
}

/** Reviews in each bucket (days of the heatmap). Each bucket is an index range count on review_log(reviewed_at). */
export const reviewsPerBucket = (db: DB, bounds: number[]) =>
  perBucket(
    db,
    'SELECT coalesce(sum(reviews), 0) FROM review_quarter WHERE bucket >= b.s / 900000 AND bucket < b.e / 900000',
    bounds,
  );

/** Cards falling due in each bucket; the first bucket also takes everything overdue. */
export const dueRowsPerBucket = (db: DB, bounds: number[]) =>
  perBucket(
    db,
    `SELECT count(*) FROM cards WHERE state IN (1, 2, 3) AND suspended = 0
       AND due < b.e AND due >= (CASE WHEN b.i = 0 THEN -9e15 ELSE b.s END)`,
    bounds,
  );

/** Pass counts of reviews with an actual interval of ≥ 1 day, split young / mature (interval ≥ 21 days). */
export function retentionRows(
  db: DB,
  from: number,
  to: number,
): { young: { n: number; pass: number }; mature: { n: number; pass: number } } {
  // Day starts fall on quarter hours, so whole buckets cover [from, to) exactly (see migration 0003).
  const r = db
    .prepare(
      `SELECT coalesce(sum(young_n), 0) AS yn, coalesce(sum(young_pass), 0) AS yp, coalesce(sum(mature_n), 0) AS mn,
         coalesce(sum(mature_pass), 0) AS mp FROM review_quarter WHERE bucket >= ? AND bucket < ?`,
    )
    .get(Math.floor(from / 900000), Math.floor(to / 900000)) as {
    yn: number;
    yp: number;
    mn: number;
    mp: number;
  };
  return { young: { n: r.yn, pass: r.yp }, mature: { n: r.mn, pass: r.mp } };
}
export function stateCounts(db: DB, now: number): Record<string, number> {
  return db
    .prepare(
      `SELECT coalesce(sum(state = 0 AND suspended = 0), 0) AS new, coalesce(sum(state = 1 AND suspended = 0), 0) AS learning,
         coalesce(sum(state = 2 AND suspended = 0), 0) AS review, coalesce(sum(state = 3 AND suspended = 0), 0) AS relearning,
         coalesce(sum(suspended), 0) AS suspended,
         coalesce(sum(suspended = 0 AND buried_until > ?), 0) AS buried
       FROM cards`,
    )
    .get(now) as Record<string, number>;
}

/** Means over cards that have been studied; R from the FSRS-6 curve (1 + factor·t/S)^decay, t in days. */
export function memoryAverages(
  db: DB,
  now: number,
  curve: { decay: number; factor: number },
): { stability: number | null; difficulty: number | null; retrievability: number | null } {
  return db
    .prepare(
      `SELECT avg(stability) AS stability, avg(difficulty) AS difficulty,
         avg(pow(1 + @factor * max(@now - last_review, 0) / 86400000.0 / stability, @decay)) AS retrievability
       FROM cards WHERE state != 0 AND suspended = 0 AND stability > 0 AND last_review IS NOT NULL`,
    )
    .get({ now, ...curve }) as {
    stability: number | null;
    difficulty: number | null;
    retrievability: number | null;
  };
}

/** Review cards by their current interval in days. */
export function intervalCounts(db: DB): { days: number; n: number }[] {
  return db
    .prepare(
      `SELECT scheduled_days AS days, count(*) AS n FROM cards WHERE state = 2 AND suspended = 0
       GROUP BY scheduled_days ORDER BY scheduled_days`,
    )
    .all() as { days: number; n: number }[];
}

/** Studied cards by FSRS difficulty rounded down to a whole step, 1–10. */
export function difficultyCounts(db: DB): { d: number; n: number }[] {
  return db
    .prepare(
      `SELECT min(10, max(1, cast(difficulty AS INTEGER))) AS d, count(*) AS n FROM cards
       WHERE state != 0 AND suspended = 0 AND difficulty > 0 GROUP BY d ORDER BY d`,
    )
    .all() as { d: number; n: number }[];
}

/** Answers since `from`, by the card's kind of review (learning, young, mature) and the button pressed. */
export function answerButtonCounts(db: DB, from: number): { kind: string; rating: number; n: number }[] {
  return db
    .prepare(
      `SELECT CASE WHEN state_before IN (0, 1, 3) THEN 'learning' WHEN elapsed_days < 21 THEN 'young' ELSE 'mature' END
         AS kind, rating, count(*) AS n
       FROM review_log WHERE reviewed_at >= ? AND rating BETWEEN 1 AND 4 GROUP BY kind, rating`,
    )
    .all(from) as { kind: string; rating: number; n: number }[];
}

/** Answers since `from` by local hour (wall clock = UTC + offsetMs), with how many were not Again. */
export function hourlyCounts(
  db: DB,
  from: number,
  offsetMs: number,
): { hour: number; n: number; pass: number }[] {
  return db
    .prepare(
      `SELECT ((reviewed_at + ?) / 3600000) % 24 AS hour, count(*) AS n, sum(rating > 1) AS pass
       FROM review_log WHERE reviewed_at >= ? GROUP BY hour ORDER BY hour`,
    )
    .all(offsetMs, from) as { hour: number; n: number; pass: number }[];
}
