import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, expect, it } from 'vitest';
import { freshCore } from './helpers.ts';

/** A year of daily sessions on 2,000 cards through the API with a fixed clock: limits hold, the log feeds the optimizer. */
it('simulates a year of daily reviews on 2,000 cards', { timeout: 600_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'kd-sim-notes-'));
  const notes = join(dir, 'big.md');
  const lines = ['---', 'deck: Sim', 'lang: en', '---', ''];
  for (let i = 0; i < 2000; i++) lines.push(`Question number ${i} about ports :: ${30000 + i}`, '');
  writeFileSync(notes, lines.join('\n'));
  const k = await freshCore('2026-01-01T09:00:00+09:00', { timeZone: 'Asia/Seoul' }, [notes]);
  afterAll(() => k.done());
  let seed = 42;
  const rnd = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed / 2_147_483_648;
  };
  const day0 = k.clock.t;
  for (let d = 0; d < 365; d++) {
    k.clock.t = day0 + d * 86_400_000;
    for (let guard = 0; guard < 2000; guard++) {
      const n = await k.core.call('review/next', {});
      if (!n.card) {
        if (n.counts.learning === 0) break;
        k.clock.add(5 * 60_000);
        continue;
      }
      const x = rnd();
      const rating = x < 0.1 ? 'again' : x < 0.15 ? 'hard' : x < 0.95 ? 'good' : 'easy';
      await k.core.call('review/rate', { cardId: n.card.id, rating, elapsedMs: 3000 });
      k.clock.add(8000);
    }
  }
  const db = new Database(join(k.dir, 'k.sqlite'), { readonly: true });
  // Per learner day (Seoul, 04:00): new cards introduced and review-state cards answered.
  const perDay = db
    .prepare(
      `SELECT (reviewed_at + 5 * 3600000) / 86400000 AS day, sum(state_before = 0) AS new, sum(state_before = 2) AS rev,
         count(*) AS n FROM review_log GROUP BY day`,
    )
    .all() as { day: number; new: number; rev: number; n: number }[];
  db.close();
  expect(perDay.length).toBe(365);
  expect(Math.max(...perDay.map((r) => r.new))).toBe(20);
  expect(Math.max(...perDay.map((r) => r.rev))).toBeLessThanOrEqual(200);
  const total = perDay.reduce((a, r) => a + r.n, 0);
  expect(total).toBeGreaterThan(20_000);
  const stats = await k.core.call('stats/summary', {});
  expect(stats.heatmap.reduce((a, h) => a + h.reviews, 0)).toBe(total);
  expect(stats.retention.year.all.rate).toBeGreaterThan(0.8);
  const opt = await k.core.call('optimizer/run', { apply: true });
  expect(opt.reviews).toBe(total);
  expect(opt.after.logLoss).toBeGreaterThan(0);
  if (opt.applied) expect(opt.after.logLoss).toBeLessThan(opt.before.logLoss);
});
