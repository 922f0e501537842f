import { z } from 'zod';
import { defineHandlers } from '../handler.ts';
import { explainLine } from '../import/explain.ts';
import { requireMarkdownPaths } from '../import/markdown-only.ts';
import { importNotes } from '../interop/notes-import.ts';

export const importHandlers = defineHandlers({
  'import/run': {
    args: z.object({
      paths: z.array(z.string().min(1)).min(1),
      deck: z.string().min(1).optional(),
      dryRun: z.boolean().optional(),
    }),
    run: (ctx, a) => {
      requireMarkdownPaths(a.paths);
      return importNotes(ctx, { paths: a.paths, deck: a.deck, dryRun: a.dryRun });
    },
  },
  /** Which rule made the cards of one line of a note, whether it is switched off, or why the line made none. */
  'import/explain': {
    args: z.object({
      file: z.string().min(1),
      line: z.number().int().min(1),
      deck: z.string().min(1).optional(),
    }),
    run: (ctx, a) => explainLine(ctx, a),
  },
});
