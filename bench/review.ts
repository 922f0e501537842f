import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Core, openCore } from '../core/app.ts';
import { cardWriter } from '../db/cards.ts';
import { ensureDeck } from '../db/decks.ts';
import { writeSchedule } from '../db/review.ts';
import { logInserter } from '../db/review-log.ts';

const DAY = 86_400_000;
export const NOW = Date.parse('2027-06-01T10:00:00Z');

/** A deterministic PRNG so every run builds the same data set. */
function rng(seed: number) {
  return () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed / 2_147_483_648;
  };
}

/** `cards` cards, `logs` review-log rows spread over them; a fifth of the cards are still new. */
export function build(
  core: Core,
  cards: number,
  logs: number,
  text: (i: number) => { prompt: string; answer: string } = (i) => ({ prompt: `Q${i}`, answer: `${i}` }),
): void {
  const db = core.ctx.db;
  const rnd = rng(7);
  const deck = ensureDeck(db, 'Bench', 'en', false, NOW);
  const w = cardWriter(db);
  const log = logInserter(db);
  const reviewed = Math.floor(cards * 0.8);
  const perCard = Math.max(1, Math.round(logs / reviewed));
  db.transaction(() => {
    for (let i = 0; i < cards; i++) {
      const id = `b${i.toString(36).padStart(6, '0')}`;
      w.insert({
        id,
        deck_id: deck,
        note_id: null,
        kind: 'basic',
        rule: 'bench',
        lang: 'en',
        ...text(i),
        context: '[]',
        tags: '[]',
        source_file: 'bench.md',
        source_line: i,
        heading_path: '',
        content_key: id,
        sibling_key: `s${Math.floor(i / 2)}`,
        ord: i,
        exercise_id: null,
        now: NOW - 400 * DAY,
      });
      if (i >= reviewed) continue;
      let t = NOW - 400 * DAY + Math.floor(rnd() * 30 * DAY);
      let ivl = 1;
      let lapses = 0;
      for (let r = 0; r < perCard; r++) {
        const rating = rnd() < 0.88 ? 3 : 1;
        log.call(null, {
          card_id: id,
          rating,
          state_before: r === 0 ? 0 : 2,
          due: t,
          stability: ivl,
          difficulty: 5,
          elapsed_days: r === 0 ? 0 : ivl,
          last_elapsed_days: 0,
          scheduled_days: ivl,
          learning_steps: 0,
          elapsed_ms: 4000,
          reviewed_at: t,
        });
        if (rating === 1) lapses++;
        ivl = rating === 1 ? 1 : Math.min(300, Math.ceil(ivl * 2.2));
        t += Math.floor(((350 * DAY) / perCard) * (0.8 + 0.2 * rnd()));
      }
      const due = NOW - 20 * DAY + Math.floor(rnd() * 200) * DAY;
      writeSchedule(db, {
        id,
        state: 2,
        due,
        stability: ivl * (0.8 + rnd()),
        difficulty: 1 + rnd() * 9,
        elapsed_days: ivl,
        scheduled_days: ivl,
        learning_steps: 0,
        reps: perCard,
        lapses,
        last_review: due - ivl * DAY,
        tags: '[]',
        suspended: 0,
        updated_at: NOW,
      });
    }
  })();
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
};
const ms = (n: number) => `${n.toFixed(2)} ms`;

export async function benchReview(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'kd-bench-review-'));
  try {
    let t = NOW;
    const core = openCore({
      dbPath: join(dir, 'big.sqlite'),
      now: () => new Date(t),
      bundled: false,
      lang: 'en',
    });
    await core.call('settings/set', { key: 'timeZone', value: 'Asia/Seoul' });
    await core.call('settings/set', { key: 'reviewsPerDay', value: 5000 });
    let s = performance.now();
    build(core, 100_000, 1_000_000);
    console.log(
      `built 100,000 cards + 1,000,000 review-log rows in ${((performance.now() - s) / 1000).toFixed(1)} s`,
    );
    const next: number[] = [];
    const rate: number[] = [];
    for (let i = 0; i < 2000; i++) {
      t += 5000;
      s = performance.now();
      const n = await core.call('review/next', {});
      next.push(performance.now() - s);
      if (!n.card) break;
      s = performance.now();
      await core.call('review/rate', {
        cardId: n.card.id,
        rating: i % 9 === 0 ? 'again' : 'good',
        elapsedMs: 3000,
      });
      rate.push(performance.now() - s);
    }
    const stats: number[] = [];
    for (let i = 0; i < 5; i++) {
      s = performance.now();
      await core.call('stats/summary', {});
      stats.push(performance.now() - s);
    }
    core.close();

    // The optimizer on 100,000 reviews: the first 100,000 rows of a smaller collection.
    const small = openCore({
      dbPath: join(dir, 'opt.sqlite'),
      now: () => new Date(NOW),
      bundled: false,
      lang: 'en',
    });
    await small.call('settings/set', { key: 'timeZone', value: 'UTC' });
    build(small, 12_500, 100_000);
    s = performance.now();
    const opt = await small.call('optimizer/run', { apply: true });
    const optSeconds = (performance.now() - s) / 1000;
    small.close();

    console.table({
      'next (p50 / p99)': {
        value: `${ms(pct(next, 50))} / ${ms(pct(next, 99))}`,
        target: 'p99 < 5 ms',
        n: next.length,
      },
      'rate (p50 / p99)': {
        value: `${ms(pct(rate, 50))} / ${ms(pct(rate, 99))}`,
        target: 'p99 < 5 ms',
        n: rate.length,
      },
      'stats/summary (median)': { value: ms(pct(stats, 50)), target: '< 100 ms', n: stats.length },
      'optimizer (100k reviews)': {
        value: `${optSeconds.toFixed(1)} s (${opt.reviews} reviews, log loss ${opt.before.logLoss.toFixed(4)} → ${opt.after.logLoss.toFixed(4)}, applied ${opt.applied})`,
        target: 'off the UI thread',
        n: 1,
      },
    });
  } finally {
    if (!process.env.KEEP) rmSync(dir, { recursive: true, force: true });
    else console.log(dir);
  }
}
