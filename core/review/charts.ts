import {
  answerButtonCounts,
  difficultyCounts,
  hourlyCounts,
  intervalCounts,
  retentionRows,
} from '../../db/stats.ts';
import type { Ctx } from '../context.ts';
import { dayStart, tzOffsetMs } from './day.ts';
import type { Session } from './session.ts';

/** Interval buckets (upper bounds in days, inclusive): short steps first, then weeks, months, years. */
const INTERVAL_BOUNDS = [1, 2, 3, 5, 7, 14, 21, 30, 60, 90, 180, 365, 730, Number.POSITIVE_INFINITY];
const isoDay = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10);

/** What the Stats screen draws beyond the summary: distributions, answer buttons, hours, retention by week. */
export function statsCharts(ctx: Ctx, s: Session) {
  const c = s.sched.clock;
  const today = s.day.day;
  const intervals = INTERVAL_BOUNDS.map((upTo) => ({ upTo: Number.isFinite(upTo) ? upTo : null, n: 0 }));
  for (const r of intervalCounts(ctx.db)) {
    const i = INTERVAL_BOUNDS.findIndex((b) => r.days <= b);
    intervals[i]!.n += r.n;
  }
  const difficulty = Array.from({ length: 10 }, (_, i) => ({ d: i + 1, n: 0 }));
  for (const r of difficultyCounts(ctx.db)) difficulty[r.d - 1]!.n = r.n;

  const monthAgo = dayStart(today - 29, c);
  const buttons = Object.fromEntries(
    (['learning', 'young', 'mature'] as const).map((k) => [k, [0, 0, 0, 0]]),
  ) as Record<'learning' | 'young' | 'mature', number[]>;
  for (const r of answerButtonCounts(ctx.db, monthAgo))
    buttons[r.kind as keyof typeof buttons][r.rating - 1] = r.n;

  const hours = Array.from({ length: 24 }, (_, hour) => ({ hour, n: 0, pass: 0 }));
  for (const r of hourlyCounts(ctx.db, monthAgo, tzOffsetMs(s.now, c.timeZone))) hours[r.hour] = r;

  // True retention per week for the last 12 weeks (reviews after an interval of at least a day).
  const retentionByWeek = Array.from({ length: 12 }, (_, i) => {
    const first = today - 7 * (12 - i) + 1;
    const r = retentionRows(ctx.db, dayStart(first, c), dayStart(first + 7, c));
    const n = r.young.n + r.mature.n;
    return { from: isoDay(first), n, rate: n ? (r.young.pass + r.mature.pass) / n : null };
  });
  return { intervals, difficulty, buttons, hours, retentionByWeek };
}
