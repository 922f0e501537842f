import { default_w } from 'ts-fsrs';
import {
  dueRowsPerBucket,
  memoryAverages,
  retentionRows,
  reviewsPerBucket,
  stateCounts,
} from '../../db/stats.ts';
import type { Ctx } from '../context.ts';
import { type DayClock, dayStart } from './day.ts';
import { curve } from './scheduler.ts';
import type { Session } from './session.ts';

const days = (from: number, n: number, c: DayClock) =>
  Array.from({ length: n + 1 }, (_, i) => dayStart(from + i, c));
const isoDay = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10);
const rate = (r: { n: number; pass: number }) => ({ ...r, rate: r.n ? r.pass / r.n : null });

/** The stats screen: a year of reviews per day, true retention, a 30-day due forecast, counts and memory averages. */
export function statsSummary(ctx: Ctx, s: Session) {
  const c = s.sched.clock;
  const today = s.day.day;
  const heatBounds = days(today - 364, 365, c);
  const perDay = reviewsPerBucket(ctx.db, heatBounds);
  const heatmap = perDay.map((n, i) => ({ date: isoDay(today - 364 + i), reviews: n }));
  const window = (d: number) => {
    const r = retentionRows(ctx.db, dayStart(today - d + 1, c), s.day.end);
    const all = { n: r.young.n + r.mature.n, pass: r.young.pass + r.mature.pass };
    return { young: rate(r.young), mature: rate(r.mature), all: rate(all) };
  };
  const due = dueRowsPerBucket(ctx.db, days(today, 30, c));
  return {
    heatmap,
    retention: { today: window(1), week: window(7), month: window(30), year: window(365) },
    forecast: due.map((n, i) => ({ date: isoDay(today + i), due: n })),
    counts: stateCounts(ctx.db, s.now),
    averages: memoryAverages(ctx.db, s.now, curve(s.settings.weights ?? default_w)),
  };
}
