import { z } from 'zod';
import { defineHandlers } from '../handler.ts';
import { reviewHandlers } from './review.ts';

const rateDef = reviewHandlers['review/rate'];
const nextDef = reviewHandlers['review/next'];

export const reviewFlowHandlers = defineHandlers({
  /**
   * Rates a card and answers with the next one: one round trip per card on the rating path (over HTTP on a busy
   * machine, a second round trip was most of the time between the key press and the next card).
   */
  'review/rate-next': {
    args: z.object({ rate: rateDef.args, next: nextDef.args }),
    run: async (ctx, a) => {
      const rated = await rateDef.run(ctx, a.rate);
      const next = await nextDef.run(ctx, a.next);
      return { rated, next };
    },
  },
});
