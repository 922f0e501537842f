import Database from 'better-sqlite3';

const DAY = 86_400_000;

/** A small seeded PRNG so seeded histories are the same on every run. */
function rng(seed: number): () => number {
  let x = seed;
  return () => {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    return x / 0x7fffffff;
  };
}

/**
 * Gives `cards` of the test database a review history (first review new, then growing intervals, about 1 in 6
 * answers Again) ending before `now`, and moves those cards to the review state, due over the next month. This is
 * what the optimizer and the Stats charts read; the rest of the cards stay new for the review tests.
 */
export function seedReviewHistory(dbFile: string, cards: number, perCard = 8, now = Date.now()): number {
  const db = new Database(dbFile);
  const rnd = rng(42);
  let rows = 0;
  try {
    const ids = (db.prepare('SELECT id FROM cards ORDER BY id LIMIT ?').all(cards) as { id: string }[]).map(
      (r) => r.id,
    );
    const log = db.prepare(
      `INSERT INTO review_log (card_id, rating, state_before, due, stability, difficulty, elapsed_days,
         last_elapsed_days, scheduled_days, learning_steps, elapsed_ms, reviewed_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)`,
    );
    const card = db.prepare(
      `UPDATE cards SET state = 2, due = ?, stability = ?, difficulty = ?, scheduled_days = ?, reps = ?,
         lapses = ?, last_review = ? WHERE id = ?`,
    );
    db.transaction(() => {
      for (const id of ids) {
        let t = now - (60 + Math.floor(rnd() * 90)) * DAY - Math.floor(rnd() * 12) * 3_600_000;
        let interval = 1;
        let lapses = 0;
        let difficulty = 3 + rnd() * 5;
        let prev = 0;
        for (let i = 0; i < perCard; i++) {
          const again = i > 0 && rnd() < 0.17;
          const rating = i === 0 ? 3 : again ? 1 : rnd() < 0.15 ? 2 : rnd() < 0.9 ? 3 : 4;
          const elapsed = i === 0 ? 0 : Math.round((t - prev) / DAY);
          if (again) lapses++;
          difficulty = Math.min(10, Math.max(1, difficulty + (again ? 0.8 : rating === 4 ? -0.4 : 0)));
          interval = again ? 1 : Math.max(1, Math.round(interval * (1.3 + rnd() * 0.6) + rnd()));
          log.run(
            id,
            rating,
            i === 0 ? 0 : 2,
            t + interval * DAY,
            interval,
            difficulty,
            elapsed,
            elapsed,
            interval,
            4000 + Math.floor(rnd() * 8000),
            t,
          );
          rows++;
          prev = t;
          t += interval * DAY;
          if (t > now - DAY) break;
        }
        const due = now + Math.floor(rnd() * 30) * DAY + DAY / 2;
        card.run(due, interval, difficulty, interval, perCard, lapses, prev, id);
      }
    })();
  } finally {
    db.close();
  }
  return rows;
}
