import { z } from 'zod';
import type { Ctx } from '../context.ts';
import { defineHandlers } from '../handler.ts';
import { RATINGS, type RatingName } from '../review/scheduler.ts';
import { type NextResult, reviewHandlers } from './review.ts';

const rateDef = reviewHandlers['review/rate'];
const nextDef = reviewHandlers['review/next'];

export const reviewFlowHandlers = defineHandlers({
  /**
   * Rates a card and answers with the next one: one round trip per card on the rating path (over HTTP on a busy
   * machine, a second round trip was most of the time between the key press and the next card).
   */
  'review/rate-next': {
    args: z.object({ rate: rateDef.args, next: nextDef.args, peek: z.boolean().default(false) }),
    run: async (ctx, a) => {
      const rated = await rateDef.run(ctx, a.rate);
      const next = await nextDef.run(ctx, a.next);
      // With `peek`, also the card after Good on the next one (see review/peek), in the same round trip.
      const card = next.card;
      const ahead = a.peek && card ? { good: peekOne(ctx, card.id, 'good', a.next) } : undefined;
      return { rated, next, ...(ahead ? { ahead } : {}) };
    },
  },
  /**
   * The card that would come next after each rating of this card, worked out and then rolled back: nothing is
   * written. The Review screen asks while the learner reads the card, so a rating key paints the next card at once
   * and the rating itself goes to the core behind it. The card shown is valid whenever the rating lands: a card due
   * now is still due later, and the rating's buried siblings are already left out.
   */
  'review/peek': {
    args: z.object({
      cardId: z.string().min(1),
      next: nextDef.args,
      ratings: z
        .array(z.enum(RATINGS))
        .min(1)
        .default([...RATINGS]),
    }),
    run: (ctx, a): Partial<Record<RatingName, NextResult>> => {
      const out: Partial<Record<RatingName, NextResult>> = {};
      for (const rating of a.ratings as RatingName[]) out[rating] = peekOne(ctx, a.cardId, rating, a.next);
      return out;
    },
  },
});

/** The next card after rating `cardId` with `rating`, nothing written. */
function peekOne(ctx: Ctx, cardId: string, rating: RatingName, next: { deck?: string }): NextResult {
  return whatIf(ctx, () => {
    rateDef.run(ctx, { cardId, rating, elapsedMs: 0, early: false });
    return nextDef.run(ctx, next);
  });
}

class RolledBack extends Error {}

/** Runs `work` inside a transaction that is always rolled back, and returns what it computed. */
function whatIf<T>(ctx: Ctx, work: () => T): T {
  let result: T | undefined;
  try {
    ctx.db.transaction(() => {
      result = work();
      throw new RolledBack();
    })();
  } catch (e) {
    if (!(e instanceof RolledBack)) throw e;
  }
  return result as T;
}
