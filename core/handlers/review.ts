import { z } from 'zod';
import { KubedeckError } from '../../db/errors.ts';
import { type CardRow, cardListRow, shortAnswers } from '../../db/review.ts';
import { type CardJson, toCardJson } from '../cards-json.ts';
import type { Ctx } from '../context.ts';
import { defineHandlers } from '../handler.ts';
import { tr } from '../i18n/index.ts';
import { cardAction } from '../review/card-actions.ts';
import { type CardCheck, cardChecks } from '../review/card-checks.ts';
import { intervalLabel } from '../review/labels.ts';
import { type Counts, newCardsWaiting, pickNext, todayCounts } from '../review/queue.ts';
import { checkTyped, multipleChoice, typeableKind } from '../review/quiz.ts';
import { rate, requireCard, undo } from '../review/rate.ts';
import { previewCard, RATINGS, type RatingName, STATE_NAMES } from '../review/scheduler.ts';
import { openSession, type Session } from '../review/session.ts';

export type Preview = { due: string; scheduledDays: number; label: string };
export type DueCard = CardJson & {
  state: (typeof STATE_NAMES)[number];
  answerKind: string | null;
  /** What the Kubernetes check found in the card's note line and the learner has not dismissed. */
  checks: CardCheck[];
};
export type NextResult = {
  card: DueCard | null;
  counts: Counts;
  previews: Record<RatingName, Preview> | null;
  /**
   * No card, yet new cards wait: today's new-card limit is spent. The screen says so (a learner who just imported
   * 53 cards must not read "all done"), with how many wait and the limit.
   */
  newLimit?: { perDay: number; waiting: number };
};

function previews(ctx: Ctx, s: Session, row: CardRow): Record<RatingName, Preview> {
  const p = previewCard(s.sched, row, s.now);
  const one = (r: RatingName): Preview => {
    const due = p[r].card.due ?? s.now;
    return {
      due: new Date(due).toISOString(),
      scheduledDays: p[r].card.scheduled_days,
      label: intervalLabel(p[r].card.scheduled_days, due - s.now, ctx.lang),
    };
  };
  return { again: one('again'), hard: one('hard'), good: one('good'), easy: one('easy') };
}

const rating = z.union([
  z.enum(RATINGS),
  z
    .number()
    .int()
    .min(1)
    .max(4)
    .transform((n) => RATINGS[n - 1]!),
]);
const cardId = z.string().min(1);
const deck = z.object({ deck: z.string().min(1).optional() }).default({});

export const reviewHandlers = defineHandlers({
  /**
   * "Bad card", one key in Review: the card is thrown away (deleted, or suspended if bundled) and a tombstone keeps
   * re-imports from making it again. `offer` suggests switching its rule off in its note after a few.
   */
  // Loaded on use: it reads the note's switches with the YAML parser, which the first card must not wait for.
  'review/bad-card': {
    args: z.object({ cardId }),
    run: async (ctx, a) => (await import('../import/throw-away.ts')).throwAwayCard(ctx, a.cardId, 'bad'),
  },
  'review/next': {
    args: deck,
    run: (ctx, a): NextResult => {
      const s = openSession(ctx, a.deck);
      const { row, counts } = pickNext(ctx, s);
      if (!row) {
        const waiting = counts.new === 0 ? newCardsWaiting(ctx, s) : 0;
        return {
          card: null,
          counts,
          previews: null,
          ...(waiting > 0 ? { newLimit: { perDay: s.limits.new, waiting } } : {}),
        };
      }
      const list = cardListRow(ctx.db, row.id);
      if (!list) throw new KubedeckError('unknown-card', tr(ctx.lang, 'core.unknownCard', { id: row.id }));
      const card = {
        ...toCardJson(list),
        state: STATE_NAMES[row.state]!,
        answerKind: typeableKind(row.answer),
        checks: cardChecks(ctx, row.id).filter((c) => !c.dismissed),
      };
      return { card, counts, previews: previews(ctx, s, row) };
    },
  },
  /** Today's new / learning / review left for every deck (its subtree, with its own limits), for the Decks tree. */
  'review/deck-counts': {
    args: z.object({ decks: z.array(z.string().min(1)).max(2000) }),
    run: (ctx, a): Record<string, Counts> =>
      Object.fromEntries(a.decks.map((d: string) => [d, todayCounts(ctx, openSession(ctx, d)).counts])),
  },
  'review/counts': {
    args: deck,
    run: (ctx, a): Counts => todayCounts(ctx, openSession(ctx, a.deck)).counts,
  },
  /** `early: true` rates a card that is not due (an exercise done on the learner's initiative). */
  'review/rate': {
    args: z.object({
      cardId,
      rating,
      elapsedMs: z.number().int().min(0).max(86_400_000).default(0),
      early: z.boolean().default(false),
    }),
    run: (ctx, a) => rate(ctx, openSession(ctx), a),
  },
  'review/undo': { args: z.object({}).default({}), run: (ctx) => undo(ctx) },
  'review/suspend': {
    args: z.object({ cardId }),
    run: (ctx, a) => cardAction(ctx, openSession(ctx), a.cardId, 'suspend', { undoable: true }),
  },
  'review/unsuspend': {
    args: z.object({ cardId }),
    run: (ctx, a) => cardAction(ctx, openSession(ctx), a.cardId, 'unsuspend'),
  },
  'review/bury': {
    args: z.object({ cardId }),
    run: (ctx, a) => cardAction(ctx, openSession(ctx), a.cardId, 'bury', { undoable: true }),
  },
  'review/check-answer': {
    args: z.object({ cardId, typed: z.string() }),
    run: (ctx, a) => checkTyped(a.typed, requireCard(ctx, a.cardId).answer),
  },
  'review/choices': {
    args: z.object({ cardId }),
    run: (ctx, a) => {
      const row = requireCard(ctx, a.cardId);
      const s = openSession(ctx);
      const lang = (cardListRow(ctx.db, row.id)?.lang ?? ctx.lang) as string;
      return multipleChoice(row.id, s.day.day, row.answer, shortAnswers(ctx.db, lang, row.answer));
    },
  },
});
