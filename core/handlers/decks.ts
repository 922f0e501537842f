import { z } from 'zod';
import { listCards } from '../../db/cards.ts';
import { hasBundledDecks, listDecks, setDeckLimits } from '../../db/decks.ts';
import { KubedeckError } from '../../db/errors.ts';
import { getJsonSetting, getSetting, setSetting } from '../../db/settings.ts';
import { toCardJson } from '../cards-json.ts';
import { defineHandlers } from '../handler.ts';
import { tr } from '../i18n/index.ts';

export const HIDDEN_LANGS = 'decks.hiddenLangs';

export const hiddenLangs = (db: Parameters<typeof listDecks>[0]): string[] => {
  const v = getJsonSetting<unknown>(db, HIDDEN_LANGS, []);
  return Array.isArray(v) ? v.filter((x): x is string => x === 'ko' || x === 'en') : [];
};

export const deckHandlers = defineHandlers({
  'decks/list': {
    args: z.object({}).default({}),
    run: (ctx) => {
      const hidden = hiddenLangs(ctx.db);
      // Only the bundled decks of a hidden language are hidden: a deck the learner imported is always shown.
      return listDecks(ctx.db).map((d) => ({
        ...d,
        hidden: d.bundled && d.lang !== null && hidden.includes(d.lang),
      }));
    },
  },
  /** A deck's own new/review limits per day (null: back to the global setting); they cap the deck's share. */
  'decks/set-limits': {
    args: z.object({
      deck: z.string().min(1),
      newPerDay: z.number().int().min(0).max(9999).nullable().optional(),
      reviewsPerDay: z.number().int().min(0).max(99999).nullable().optional(),
    }),
    run: (ctx, a) => {
      if (!setDeckLimits(ctx.db, a.deck, { new: a.newPerDay, review: a.reviewsPerDay })) {
        throw new KubedeckError('unknown-deck', tr(ctx.lang, 'core.unknownDeck', { name: a.deck }));
      }
      return listDecks(ctx.db).find((d) => d.name === a.deck)!;
    },
  },
  /**
   * Hides (or shows again) the bundled decks of one language: they stay out of lists, Browse and the review queue.
   * The learner's own decks are never hidden this way.
   */
  'decks/hide-lang': {
    args: z.object({ lang: z.enum(['ko', 'en']), hidden: z.boolean() }),
    run: (ctx, a) => {
      const next = new Set(hiddenLangs(ctx.db));
      if (a.hidden) next.add(a.lang);
      else next.delete(a.lang);
      setSetting(ctx.db, HIDDEN_LANGS, JSON.stringify([...next].sort()));
      return { hiddenLangs: [...next].sort() };
    },
  },
  /**
   * First start: keep the bundled decks of the other language out of sight until the learner asks for them.
   * Acts once (when no choice is stored yet); the learner's own decks of that language stay in sight.
   */
  'decks/first-run': {
    args: z.object({ lang: z.enum(['ko', 'en']) }),
    run: (ctx, a) => {
      if (getSetting(ctx.db, HIDDEN_LANGS) !== undefined)
        return { hiddenLangs: hiddenLangs(ctx.db), changed: false };
      const other = a.lang === 'ko' ? 'en' : 'ko';
      // Not listDecks(): its card counts read every card, and this runs on every start before the first card.
      const hide = hasBundledDecks(ctx.db, other) ? [other] : [];
      setSetting(ctx.db, HIDDEN_LANGS, JSON.stringify(hide));
      return { hiddenLangs: hide, changed: hide.length > 0 };
    },
  },
  'cards/list': {
    args: z.object({ deck: z.string().min(1).optional() }).default({}),
    run: (ctx, a) => listCards(ctx.db, a.deck).map(toCardJson),
  },
});
