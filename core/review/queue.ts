import {
  allDeckIds,
  type CardRow,
  countDueReviews,
  countLearning,
  countNew,
  doneToday,
  getCardRow,
  nextLearningId,
  nextNewId,
  nextReviewId,
  type Scope,
} from '../../db/review.ts';
import type { Ctx } from '../context.ts';
import { LEARN_AHEAD_MS, type Session } from './session.ts';

export type Counts = { new: number; learning: number; review: number };
type Kind = 'new' | 'review';
type Today = { counts: Counts; done: Record<Kind, number>; scopes: Record<Kind, Scope> };

const OWN_LIMIT = { new: 'new_per_day', review: 'reviews_per_day' } as const;

/**
 * What is left today in the session's scope: capped by the daily limits minus what was already done, and, for decks
 * with limits of their own, by what each of them has left. `scopes` are the decks new and review cards may come from.
 */
export function todayCounts(ctx: Ctx, s: Session): Today {
  const db = ctx.db;
  const done = doneToday(db, s.scope, s.day.start);
  const available = (kind: Kind, scope: Scope, cap: number) =>
    kind === 'new' ? countNew(db, scope, s.now, cap) : countDueReviews(db, scope, s.now, cap);
  const left = (kind: Kind) => {
    const cap = Math.max(0, s.limits[kind] - done[kind]);
    const own = s.overrides.filter((o) => o[OWN_LIMIT[kind]] !== null);
    if (own.length === 0) return { n: available(kind, s.scope, cap), scope: s.scope };
    const ownIds = new Set(own.map((o) => o.id));
    const scope = (s.scope ?? allDeckIds(db)).filter((id) => !ownIds.has(id));
    let n = available(kind, scope, cap);
    for (const o of own) {
      const room = Math.max(0, o[OWN_LIMIT[kind]]! - doneToday(db, [o.id], s.day.start)[kind]);
      if (room === 0) continue;
      scope.push(o.id);
      n += available(kind, [o.id], Math.min(room, cap));
    }
    return { n: Math.min(n, cap), scope };
  };
  const fresh = left('new');
  const due = left('review');
  return {
    counts: { new: fresh.n, learning: countLearning(db, s.scope, s.now, s.day.end), review: due.n },
    done,
    scopes: { new: fresh.scope, review: due.scope },
  };
}

/**
 * Picks the next card: 1. learning cards whose step is due; 2. review cards (by due day, then lowest
 * retrievability) interleaved with 3. new cards in note order, so new cards spread evenly across the day's reviews;
 * 4. when nothing else is left, a learning card due within the learn-ahead window.
 */
export function pickNext(ctx: Ctx, s: Session): { row: CardRow | null; counts: Counts } {
  const { counts, done, scopes } = todayCounts(ctx, s);
  const db = ctx.db;
  let id = nextLearningId(db, s.scope, s.now, s.now);
  if (!id && (counts.new > 0 || counts.review > 0)) {
    // Show a new card when the share of today's new cards done lags the share of reviews done.
    const newShare = done.new / (done.new + counts.new);
    const reviewShare = counts.review > 0 ? done.review / (done.review + counts.review) : 1;
    const wantNew = counts.new > 0 && (counts.review === 0 || newShare < reviewShare);
    id = wantNew ? nextNewId(db, scopes.new, s.now) : nextReviewId(db, scopes.review, s.now);
  }
  id ??= nextLearningId(db, s.scope, s.now, s.now + LEARN_AHEAD_MS);
  return { row: id ? (getCardRow(db, id) ?? null) : null, counts };
}

/** New cards that could show now but for today's limits (counted up to 10,000). */
export const newCardsWaiting = (ctx: Ctx, s: Session): number => countNew(ctx.db, s.scope, s.now, 10_000);

/** Whether a card may be rated now: visible, and new, or its due moment reached (learning: within learn-ahead). */
export function isDue(row: CardRow, now: number): boolean {
  if (row.suspended === 1 || (row.buried_until !== null && row.buried_until > now)) return false;
  if (row.state === 0) return true;
  if (row.due === null) return true;
  return row.state === 2 ? row.due <= now : row.due <= now + LEARN_AHEAD_MS;
}
