import { setEstimatedSchedule } from '../../db/interop.ts';
import type { Ctx } from '../context.ts';
import type { SrCardRef } from '../import/run-import.ts';
import { DAY_MS, dayStart } from '../review/day.ts';
import { makeScheduler } from '../review/scheduler.ts';
import { loadSettings } from '../review/session.ts';
import { memoryFromSm2 } from './sm2-memory.ts';

/**
 * The Obsidian Spaced Repetition plugin keeps each card's schedule in a comment beside the card. The parser reads
 * those comments (content/markdown/sr-comments.ts) and gives each card its own schedule (`srHistory`); the import
 * hands back the cards it wrote with one, and this turns each into Kubedeck's schedule.
 */

/** `YYYY-MM-DD` (also the plugin's `DD-MM-YYYY`) → days since 1970-01-01, or null. */
export function srDay(date: string): number | null {
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  let ymd: [number, number, number] | null = m ? [Number(m[1]), Number(m[2]), Number(m[3])] : null;
  if (!ymd) {
    m = /^(\d{2})-(\d{2})-(\d{4})$/.exec(date);
    if (m) ymd = [Number(m[3]), Number(m[2]), Number(m[1])];
  }
  if (!ymd) return null;
  const t = Date.UTC(ymd[0], ymd[1] - 1, ymd[2]);
  return Number.isFinite(t) ? Math.floor(t / DAY_MS) : null;
}

/**
 * Gives these cards the schedules their SR comments carry: for the plugin's SM-2 form a memory state estimated
 * from interval and ease, due at the start of the plugin's due day; for its FSRS form the memory state and due
 * time it wrote. A card the learner has already reviewed in Kubedeck keeps Kubedeck's schedule.
 */
export function applyObsidianSr(ctx: Ctx, cards: SrCardRef[]): number {
  if (cards.length === 0) return 0;
  const settings = loadSettings(ctx);
  const w = makeScheduler(settings).f.parameters.w;
  const clock = { timeZone: settings.timeZone, startHour: settings.dayStartHour };
  let applied = 0;
  for (const { id, sr } of cards) {
    const f = sr.fsrs;
    if (f) {
      const due = Date.parse(f.dueAt);
      const last = f.lastReview ? Date.parse(f.lastReview) : due - sr.interval * DAY_MS;
      const set = setEstimatedSchedule(ctx.db, id, {
        state: f.state,
        due,
        stability: f.stability,
        difficulty: f.difficulty,
        elapsed_days: 0,
        scheduled_days: Math.round(sr.interval),
        learning_steps: f.learningSteps,
        reps: f.reps,
        lapses: f.lapses,
        last_review: last,
      });
      if (set) applied++;
      continue;
    }
    const day = srDay(sr.due);
    if (day === null || sr.interval < 1) continue;
    const due = dayStart(day, clock);
    const set = setEstimatedSchedule(ctx.db, id, {
      state: 2,
      due,
      ...memoryFromSm2(sr.ease / 100, sr.interval, w),
      elapsed_days: 0,
      scheduled_days: sr.interval,
      learning_steps: 0,
      reps: 1,
      lapses: 0,
      last_review: due - sr.interval * DAY_MS,
    });
    if (set) applied++;
  }
  return applied;
}
