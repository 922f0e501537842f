import { z } from 'zod';
import { defineHandlers } from '../handler.ts';
import { type CardCheck, cardChecks, setCheckDismissed } from '../review/card-checks.ts';

const args = z.object({ cardId: z.string().min(1), key: z.string().min(1).max(2000) });

/** The Kubernetes check's findings on a card (issue #18), and the learner's decision about each. */
export const noteCheckHandlers = defineHandlers({
  'note-checks/card': {
    args: z.object({ cardId: z.string().min(1) }),
    run: (ctx, a): CardCheck[] => cardChecks(ctx, a.cardId),
  },
  'note-checks/dismiss': {
    args,
    run: (ctx, a): CardCheck[] => setCheckDismissed(ctx, a.cardId, a.key, true),
  },
  'note-checks/restore': {
    args,
    run: (ctx, a): CardCheck[] => setCheckDismissed(ctx, a.cardId, a.key, false),
  },
});
