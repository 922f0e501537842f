import { hasHangul } from '../scan.ts';
import type { ParsedCard } from '../types.ts';

/**
 * A candidate card as the features read it: what the learner sees (prompt, heading path), what they must recall
 * (the hidden part of a cloze, the back of a basic card), both normalised once.
 */
export type CardView = {
  card: ParsedCard;
  /** The answer without markdown marks, white space folded. */
  hidden: string;
  /** The prompt with the gap taken out, without markdown marks. */
  shown: string;
  /** The heading path, one string. */
  context: string;
  /** Words of the answer (eojeol for Korean). */
  answerWords: number;
  answerLines: string[];
  isCloze: boolean;
  /** The prompt with the gap, as shown. */
  prompt: string;
  ko: boolean;
  /** What the features worked out about this card, so no question is asked of it twice (see features.ts memo). */
  cache: Record<string, unknown>;
};

const MARKS = /[`*]|~~/g;
const fold = (s: string) => s.replace(MARKS, '').replace(/\s+/g, ' ').trim();

export function viewOf(card: ParsedCard): CardView {
  const isCloze = card.kind === 'cloze' && card.prompt.includes('[...]');
  const answerLines = card.answer.split('\n').filter((l) => l.trim());
  const hidden = fold(card.answer);
  return {
    card,
    hidden,
    shown: fold(card.prompt.replace(/\[\.\.\.\]/g, ' ')),
    context: fold(card.context.join(' › ')),
    answerWords: hidden ? hidden.split(' ').length : 0,
    answerLines,
    isCloze,
    prompt: card.prompt,
    ko: hasHangul(card.prompt + card.answer),
    cache: {},
  };
}
