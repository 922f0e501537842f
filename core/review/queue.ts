import {
  availableCounts,
  type CardRow,
  doneToday,
  getCardRow,
  nextLearningId,
  nextNewId,
  nextReviewId,
} from '../../db/review.ts';
import type { Ctx } from '../context.ts';
import { LEARN_AHEAD_MS, type Session } from './session.ts';

export type Counts = { new: number; learning: number; review: number };

/** What is left today in the session's scope: capped by the daily limits minus what was already done. */
export function todayCounts(ctx: Ctx, s: Session): { counts: Counts; done: { new: number; review: number } } {
  const done = doneToday(ctx.db, s.scope, s.day.start);
  const caps = {
    new: Math.max(0, s.limits.new - done.new),
    review: Math.max(0, s.limits.review - done.review),
  };
  return { counts: availableCounts(ctx.db, s.scope, s.now, s.day.end, caps), done };
}

/**
 * Picks the next card: 1. learning cards whose step is due; 2. review cards (by due day, then lowest
 * retrievability) interleaved with 3. new cards in note order, so new cards spread evenly across the day's reviews;
 * 4. when nothing else is left, a learning card due within the learn-ahead window.
 */
export function pickNext(ctx: Ctx, s: Session): { row: CardRow | null; counts: Counts } {
  const { counts, done } = todayCounts(ctx, s);
  const db = ctx.db;
  let id = nextLearningId(db, s.scope, s.now, s.now);
  if (!id && (counts.new > 0 || counts.review > 0)) {
    // Show a new card when the share of today's new cards done lags the share of reviews done.
    const newShare = done.new / (done.new + counts.new);
    const reviewShare = counts.review > 0 ? done.review / (done.review + counts.review) : 1;
    const wantNew = counts.new > 0 && (counts.review === 0 || newShare < reviewShare);
    id = wantNew ? nextNewId(db, s.scope, s.now) : nextReviewId(db, s.scope, s.now);
  }
  id ??= nextLearningId(db, s.scope, s.now, s.now + LEARN_AHEAD_MS);
  return { row: id ? (getCardRow(db, id) ?? null) : null, counts };
}

/** Whether a card may be rated now: visible, and new, or its due moment reached (learning: within learn-ahead). */
export function isDue(row: CardRow, now: number): boolean {
  if (row.suspended === 1 || (row.buried_until !== null && row.buried_until > now)) return false;
  if (row.state === 0) return true;
  if (row.due === null) return true;
  return row.state === 2 ? row.due <= now : row.due <= now + LEARN_AHEAD_MS;
}
