import type { ParsedCard, ScoredCard } from '../../content/markdown/types.ts';
import type { Verdict } from '../../db/card-verdicts.ts';
import { cardKey } from './identity.ts';

export type KeyedCard = { card: ParsedCard; key: string };
export type KeyedSuggestion = { card: ScoredCard; key: string };

/**
 * What the learner already decided overrides the selection: a card they deleted or marked bad (a tombstone) is
 * never made again, whichever rule or density would make it; a suggestion they accepted is a card from then on.
 * `accept` says whether a suggestion is being accepted in this import (ticked in the preview).
 */
export function applyVerdicts(
  /** The note's cards with their content keys, worked out once by the caller (it pairs notes by them too). */
  cards: KeyedCard[],
  suggestions: ScoredCard[],
  verdicts: ReadonlyMap<string, Verdict>,
  accept: (s: KeyedSuggestion) => boolean,
): { cards: KeyedCard[]; suggestions: KeyedSuggestion[]; accepted: KeyedSuggestion[]; tombstoned: number } {
  let tombstoned = 0;
  const gone = (key: string) => {
    const v = verdicts.get(key);
    if (v === 'deleted' || v === 'bad') {
      tombstoned++;
      return true;
    }
    return false;
  };
  const kept: KeyedCard[] = [];
  for (const c of cards) if (!gone(c.key)) kept.push(c);
  const offered: KeyedSuggestion[] = [];
  const accepted: KeyedSuggestion[] = [];
  for (const card of suggestions) {
    const s = { card, key: cardKey(card) };
    if (gone(s.key)) continue;
    if (verdicts.get(s.key) === 'accepted' || accept(s)) accepted.push(s);
    else offered.push(s);
  }
  // Accepted suggestions take their place among the note's cards, in line order.
  const all = accepted.length === 0 ? kept : [...kept, ...accepted].sort((a, b) => a.card.line - b.card.line);
  return { cards: all, suggestions: offered, accepted, tombstoned };
}
