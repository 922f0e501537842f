import { existsSync, readFileSync } from 'node:fs';
import { deleteCard, undeleteCard } from '../../db/browse.ts';
import { forgetVerdict, recordVerdict } from '../../db/card-verdicts.ts';
import { KubedeckError } from '../../db/errors.ts';
import { setSuspended } from '../../db/review.ts';
import type { Ctx } from '../context.ts';
import { tr } from '../i18n/index.ts';
import { requireCard } from '../review/rate.ts';
import { readImportSettings } from './import-settings.ts';
import { type RuleOffOffer, ruleOffOffers } from './keep-rate.ts';
import { noteRulesOffSetting } from './note-rules-off.ts';
import { readNoteSwitches, rulesOffFor } from './rule-switches.ts';

export type ThrowAwayResult = {
  cardId: string;
  /** deleted: the card is gone (undo with cards/undelete); suspended: a bundled card, which cannot be deleted. */
  outcome: 'deleted' | 'suspended';
  /** Set once the learner has thrown away enough of this rule's cards in this note: switch it off there? */
  offer?: RuleOffOffer;
};

/**
 * Throws a card away: deleted in Browse, or marked a bad card in Review. A card a note made leaves a tombstone
 * for its identity, so no re-import makes it again, and counts against its rule's keep rate. A bundled card
 * cannot be deleted: marked bad, it is suspended and tombstoned; deleting it is refused.
 */
export function throwAwayCard(ctx: Ctx, cardId: string, how: 'deleted' | 'bad'): ThrowAwayResult {
  const row = requireCard(ctx, cardId);
  const source = row.source_file as string | null;
  const bundled = source?.startsWith('bundled:') ?? false;
  if (bundled && how === 'deleted')
    throw new KubedeckError('read-only', tr(ctx.lang, 'core.bundledNoDelete'));
  const now = ctx.now().getTime();
  return ctx.db
    .transaction((): ThrowAwayResult => {
      if (source !== null)
        recordVerdict(ctx.db, {
          key: row.content_key as string,
          verdict: how,
          rule: row.rule as string,
          source,
          now,
        });
      if (bundled) setSuspended(ctx.db, cardId, true, now);
      else deleteCard(ctx.db, cardId, now);
      const offer = source === null ? undefined : offerFor(ctx, source, row.rule as string);
      return { cardId, outcome: bundled ? 'suspended' : 'deleted', ...(offer ? { offer } : {}) };
    })
    .immediate();
}

/** Takes the latest delete back, tombstone included. */
export function restoreCard(ctx: Ctx): string | null {
  return ctx.db
    .transaction(() => {
      const id = undeleteCard(ctx.db);
      if (id !== null) forgetVerdict(ctx.db, requireCard(ctx, id).content_key as string);
      return id;
    })
    .immediate();
}

function offerFor(ctx: Ctx, source: string, rule: string): RuleOffOffer | undefined {
  const settings = readImportSettings(ctx.db);
  // A bundled note has no front matter switches of its own (its switches are the per-note setting).
  const text = !source.startsWith('bundled:') && existsSync(source) ? readFileSync(source, 'utf8') : null;
  const switches = text === null ? { off: [], on: [] } : readNoteSwitches(text, source, []);
  const off = rulesOffFor(settings['import.rulesOff'], switches, noteRulesOffSetting(ctx.db)[source]);
  return ruleOffOffers(ctx.db, source, (r) => off.has(r)).find((o) => o.rule === rule);
}
