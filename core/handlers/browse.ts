import { z } from 'zod';
import {
  type BrowseQuery,
  browseCards,
  browseFacets,
  countCards,
  moveCard,
  resetCard,
} from '../../db/browse.ts';
import { ensureDeck } from '../../db/decks.ts';
import { KubedeckError } from '../../db/errors.ts';
import { listSuggestions } from '../../db/suggestions.ts';
import { cardDetail, showSource } from '../browse/card-detail.ts';
import { editSourceLine } from '../browse/edit-source.ts';
import type { Ctx } from '../context.ts';
import { defineHandlers } from '../handler.ts';
import { acceptSuggestion } from '../import/accept-suggestion.ts';
import { restoreCard, throwAwayCard } from '../import/throw-away.ts';
import { cardAction } from '../review/card-actions.ts';
import { requireCard } from '../review/rate.ts';
import { STATE_NAMES } from '../review/scheduler.ts';
import { openSession } from '../review/session.ts';
import { hiddenLangs } from './decks.ts';

const cardId = z.string().min(1);
const one = z.object({ cardId });

export type BrowseItem = {
  id: string;
  prompt: string;
  deck: string;
  state: (typeof STATE_NAMES)[number];
  due: string | null;
  suspended: boolean;
  buried: boolean;
  leech: boolean;
  rule: string;
  source: string | null;
};

function refuseBundled(ctx: Ctx, id: string, what: string): void {
  const row = requireCard(ctx, id);
  const file = row.source_file as string | null;
  if (file?.startsWith('bundled:'))
    throw new KubedeckError(
      'read-only',
      `cards from the bundled decks cannot be ${what}; suspend the card instead`,
    );
}

export type SuggestionItem = {
  id: string;
  prompt: string;
  answer: string;
  deck: string;
  rule: string;
  score: number;
  /** Over the line, held back because such cards are often thrown away (the junk cap). */
  heldBack?: 'junk-risk';
  source: string;
};

const filters = {
  text: z.string().max(500).default(''),
  deck: z.string().min(1).optional(),
  tag: z.string().min(1).optional(),
  state: z.enum(['new', 'learning', 'review', 'relearning', 'suspended', 'buried']).optional(),
  due: z.enum(['overdue', 'today', 'week']).optional(),
  leech: z.boolean().optional(),
  rule: z.string().min(1).optional(),
};
type Filters = z.output<z.ZodObject<typeof filters>>;

function query(ctx: Ctx, a: Filters) {
  const s = openSession(ctx);
  const q: BrowseQuery = {
    text: a.text,
    deck: a.deck,
    tag: a.tag,
    state: a.state,
    due: a.due,
    leechLapses: a.leech ? s.settings.leechThreshold : undefined,
    rule: a.rule,
    hiddenLangs: hiddenLangs(ctx.db),
  };
  return { s, q, bounds: { now: s.now, dayEnd: s.day.end } };
}

export const browseHandlers = defineHandlers({
  /**
   * A page of cards matching the search and filters, in note order. `total` is known when this page holds the
   * last match; otherwise `browse/count` says (it may scan every card, so the screen asks after painting).
   */
  'browse/search': {
    args: z.object({
      ...filters,
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(500).default(100),
    }),
    run: (ctx, a): { total: number | null; more: boolean; items: BrowseItem[] } => {
      const { s, q, bounds } = query(ctx, a);
      const { more, rows } = browseCards(ctx.db, q, bounds, { offset: a.offset, limit: a.limit });
      return {
        total: more ? null : a.offset + rows.length,
        more,
        items: rows.map((r) => ({
          id: r.id,
          prompt: r.prompt,
          deck: r.deck,
          state: STATE_NAMES[r.state] ?? 'new',
          due: r.due === null ? null : new Date(r.due).toISOString(),
          suspended: r.suspended === 1,
          buried: r.buried_until !== null && r.buried_until > s.now,
          leech: r.lapses >= s.settings.leechThreshold,
          rule: r.rule,
          source: r.source_file === null ? null : `${showSource(ctx, r.source_file)}:${r.source_line ?? 1}`,
        })),
      };
    },
  },
  'browse/count': {
    args: z.object(filters),
    run: (ctx, a): { total: number } => {
      const { q, bounds } = query(ctx, a);
      return { total: countCards(ctx.db, q, bounds) };
    },
  },
  /** The Browse filter "suggestions": candidates under the density line, never scheduled until accepted. */
  'browse/suggestions': {
    args: z.object({
      text: filters.text,
      deck: filters.deck,
      rule: filters.rule,
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(500).default(100),
    }),
    run: (ctx, a): { more: boolean; items: SuggestionItem[] } => {
      const { rows, more } = listSuggestions(ctx.db, a);
      return {
        more,
        items: rows.map((r) => ({
          id: r.id,
          prompt: r.prompt,
          answer: r.answer,
          deck: r.deck,
          rule: r.rule,
          score: r.score,
          ...(r.held_back === 'junk-risk' ? { heldBack: 'junk-risk' as const } : {}),
          source: `${showSource(ctx, r.source_file)}:${r.source_line}`,
        })),
      };
    },
  },
  /** Makes a suggestion a card (it is scheduled from now on, and later imports keep making it). */
  'suggestions/accept': {
    args: z.object({ id: z.string().min(1) }),
    run: (ctx, a) => acceptSuggestion(ctx, a.id),
  },
  'browse/facets': { args: z.object({}).default({}), run: (ctx) => browseFacets(ctx.db) },
  /** Everything the card pane shows: the card, its FSRS memory, its review log and its source line. */
  'browse/card': { args: one, run: (ctx, a) => cardDetail(ctx, a.cardId) },
  'cards/suspend': { args: one, run: (ctx, a) => cardAction(ctx, openSession(ctx), a.cardId, 'suspend') },
  'cards/unsuspend': { args: one, run: (ctx, a) => cardAction(ctx, openSession(ctx), a.cardId, 'unsuspend') },
  'cards/bury': { args: one, run: (ctx, a) => cardAction(ctx, openSession(ctx), a.cardId, 'bury') },
  /** Back to new; the review log stays. */
  'cards/reset': {
    args: one,
    run: (ctx, a) => {
      requireCard(ctx, a.cardId);
      resetCard(ctx.db, a.cardId, ctx.now().getTime());
      return cardDetail(ctx, a.cardId);
    },
  },
  /** Deletes a card and its review log; `cards/undelete` takes the latest delete back. */
  'cards/delete': {
    args: one,
    run: (ctx, a) => {
      refuseBundled(ctx, a.cardId, 'deleted');
      const { offer } = throwAwayCard(ctx, a.cardId, 'deleted');
      return { deleted: a.cardId, ...(offer ? { offer } : {}) };
    },
  },
  'cards/undelete': {
    args: z.object({}).default({}),
    run: (ctx) => {
      const id = restoreCard(ctx);
      if (id === null) throw new KubedeckError('nothing-to-undo', 'no deleted card to restore');
      return { restored: id };
    },
  },
  /** Moves a card to another deck (made if new). A re-import of its note puts it back in the note's deck. */
  'cards/move': {
    args: z.object({ cardId, deck: z.string().trim().min(1).max(200) }),
    run: (ctx, a) => {
      const row = requireCard(ctx, a.cardId);
      const now = ctx.now().getTime();
      const deckId = ensureDeck(ctx.db, a.deck, String(row.lang ?? ctx.lang), false, now);
      moveCard(ctx.db, a.cardId, deckId, now);
      return cardDetail(ctx, a.cardId);
    },
  },
  /** Rewrites the card's line in its note (if it still says `expected`) and re-imports that note. */
  'cards/edit-source': {
    args: z.object({ cardId, expected: z.string(), text: z.string().max(20_000) }),
    exclusive: true,
    run: (ctx, a) => editSourceLine(ctx, a.cardId, a.expected, a.text),
  },
});
