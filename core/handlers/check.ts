import { z } from 'zod';
import { type CheckReport, checkDatabase } from '../check.ts';
import { defineHandlers } from '../handler.ts';

export const checkHandlers = defineHandlers({
  /** Check Database: finds and (unless dryRun) repairs what is safe, after a backup. */
  'db/check': {
    args: z.object({ dryRun: z.boolean().default(false) }).default({ dryRun: false }),
    run: (ctx, a): Promise<CheckReport> => checkDatabase(ctx, { repair: !a.dryRun }),
  },
});
