import type { Grade } from 'ts-fsrs';
import type { LogRow } from '../../db/review-log.ts';
import { rateCard, type SchedCard, type Scheduler } from '../review/scheduler.ts';

export type PastReview = { rating: number; reviewedAt: number; elapsedMs: number };

export const NEW_CARD: SchedCard = {
  state: 0,
  due: null,
  stability: 0,
  difficulty: 0,
  elapsed_days: 0,
  scheduled_days: 0,
  learning_steps: 0,
  reps: 0,
  lapses: 0,
  last_review: null,
};

/**
 * Rebuilds a card's FSRS state by answering it again, in order, with every rating of its history: the same path a
 * rating in Kubedeck takes, so the state and the review-log rows are what Kubedeck would have written.
 */
export function replayHistory(
  s: Scheduler,
  cardId: string,
  reviews: PastReview[],
): { card: SchedCard; logs: LogRow[] } {
  let card = NEW_CARD;
  const logs: LogRow[] = [];
  for (const r of [...reviews].sort((a, b) => a.reviewedAt - b.reviewedAt)) {
    if (r.rating < 1 || r.rating > 4) continue;
    // Two answers in the same millisecond (clock jitter in a foreign log) are kept in order, never reversed.
    const at = Math.max(r.reviewedAt, card.last_review ?? r.reviewedAt);
    const out = rateCard(s, card, at, r.rating as Grade);
    logs.push({ card_id: cardId, ...out.log, elapsed_ms: r.elapsedMs });
    card = out.card;
  }
  return { card, logs };
}
