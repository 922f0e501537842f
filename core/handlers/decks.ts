import { z } from 'zod';
import { listCards } from '../../db/cards.ts';
import { listDecks } from '../../db/decks.ts';
import { toCardJson } from '../cards-json.ts';
import { defineHandlers } from '../handler.ts';

export const deckHandlers = defineHandlers({
  'decks/list': {
    args: z.object({}).default({}),
    run: (ctx) => listDecks(ctx.db),
  },
  'cards/list': {
    args: z.object({ deck: z.string().min(1).optional() }).default({}),
    run: (ctx, a) => listCards(ctx.db, a.deck).map(toCardJson),
  },
});
