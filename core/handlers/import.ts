import { z } from 'zod';
import { defineHandlers } from '../handler.ts';
import { importNotes } from '../interop/notes-import.ts';

export const importHandlers = defineHandlers({
  'import/run': {
    args: z.object({
      paths: z.array(z.string().min(1)).min(1),
      deck: z.string().min(1).optional(),
      dryRun: z.boolean().optional(),
    }),
    run: (ctx, a) => importNotes(ctx, { paths: a.paths, deck: a.deck, dryRun: a.dryRun }),
  },
});
