import { z } from 'zod';
import { defineHandlers } from '../handler.ts';
import { requireMarkdownPaths } from '../import/markdown-only.ts';
import { runImport } from '../import/run-import.ts';

export const importHandlers = defineHandlers({
  'import/run': {
    args: z.object({
      paths: z.array(z.string().min(1)).min(1),
      deck: z.string().min(1).optional(),
      dryRun: z.boolean().optional(),
    }),
    run: (ctx, a) => {
      requireMarkdownPaths(a.paths);
      return runImport(ctx, { paths: a.paths, deck: a.deck, dryRun: a.dryRun });
    },
  },
});
