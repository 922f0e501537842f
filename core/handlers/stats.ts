import { z } from 'zod';
import { defineHandlers } from '../handler.ts';
import { statsCharts } from '../review/charts.ts';
import { optimize } from '../review/optimizer.ts';
import { openSession } from '../review/session.ts';
import { statsSummary } from '../review/stats.ts';

export const statsHandlers = defineHandlers({
  'stats/summary': { args: z.object({}).default({}), run: (ctx) => statsSummary(ctx, openSession(ctx)) },
  /** Intervals, difficulty, answer buttons, hours of the day and retention by week, for the Stats charts. */
  'stats/charts': { args: z.object({}).default({}), run: (ctx) => statsCharts(ctx, openSession(ctx)) },
  /** Fits FSRS parameters to the learner's review log (≥ 400 reviews) in a worker; applies them only if better. */
  'optimizer/run': {
    args: z.object({ apply: z.boolean().default(true) }).default({ apply: true }),
    run: (ctx, a) => optimize(ctx, openSession(ctx), a.apply),
  },
});
