import { noteCardsByRule, tombstonesByRule, tombstonesOfSource } from '../../db/card-verdicts.ts';
import type { DB } from '../../db/open.ts';

/** One rule's record with this learner: cards its notes made, how many the learner threw away, the share kept. */
export type RuleKeep = { rule: string; made: number; deleted: number; keepRate: number };

/** After this many thrown-away cards of one rule in one note, the app offers to switch the rule off there. */
export const OFFER_AFTER_DELETIONS = 3;

/** An offer to switch `rule` off in the note `file`, after `deletions` of its cards there were thrown away. */
export type RuleOffOffer = { file: string; rule: string; deletions: number };

/** The learner's own keep rate per rule, over every card a note made (kept ones still exist; tombstones did not). */
export function keepRates(db: DB): RuleKeep[] {
  const kept = noteCardsByRule(db);
  const deleted = tombstonesByRule(db);
  const rules = [...new Set([...kept.keys(), ...deleted.keys()])].sort();
  return rules.map((rule) => {
    const d = deleted.get(rule) ?? 0;
    const made = (kept.get(rule) ?? 0) + d;
    return {
      rule,
      made,
      deleted: d,
      keepRate: made === 0 ? 1 : Math.round(((made - d) / made) * 1000) / 1000,
    };
  });
}

/** The rules of one note worth switching off there: enough deletions, and not switched off already. */
export function ruleOffOffers(db: DB, source: string, isOff: (rule: string) => boolean): RuleOffOffer[] {
  return tombstonesOfSource(db, source)
    .filter((t) => t.n >= OFFER_AFTER_DELETIONS && !isOff(t.rule))
    .map((t) => ({ file: source, rule: t.rule, deletions: t.n }));
}
