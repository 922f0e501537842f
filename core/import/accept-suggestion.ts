import { recordVerdict } from '../../db/card-verdicts.ts';
import { cardWriter, maxOrd } from '../../db/cards.ts';
import { KubedeckError } from '../../db/errors.ts';
import { deleteSuggestion, getSuggestion } from '../../db/suggestions.ts';
import type { Ctx } from '../context.ts';
import { tr } from '../i18n/index.ts';

/**
 * Makes a stored suggestion a card, with the identity an import would give it (its content key, an id made from
 * it), and remembers the acceptance so later imports make it a card too.
 */
export function acceptSuggestion(ctx: Ctx, id: string): { cardId: string } {
  const now = ctx.now().getTime();
  return ctx.db
    .transaction(() => {
      const s = getSuggestion(ctx.db, id);
      if (!s) throw new KubedeckError('unknown-suggestion', tr(ctx.lang, 'core.unknownSuggestion', { id }));
      const write = cardWriter(ctx.db);
      const ord = maxOrd(ctx.db) + 1;
      const base = `c${s.content_key.slice(0, 15)}`;
      let cardId = base;
      for (let n = 2; !write.insert({ ...s, id: cardId, ord, now }); n++) cardId = `${base}-${n}`;
      recordVerdict(ctx.db, {
        key: s.content_key,
        verdict: 'accepted',
        rule: s.rule,
        source: s.source_file,
        now,
      });
      deleteSuggestion(ctx.db, id);
      return { cardId };
    })
    .immediate();
}
