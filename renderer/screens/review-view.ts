import type { ApiResult } from '../../core/api.ts';

/** What the Review screen shows, read from `review/next`; the mapping lives here so the screen stays simple. */
export type RatingName = 'again' | 'hard' | 'good' | 'easy';
export const RATINGS: RatingName[] = ['again', 'hard', 'good', 'easy'];

export type Next = ApiResult<'review/next'>;
export type CheckResult = ApiResult<'review/check-answer'>;
export type Counts = Next['counts'];

export type DueView = {
  cardId: string;
  prompt: string;
  answer: string;
  deck: string;
  context: string[];
  source: string | null;
  /** Interval labels on the rating buttons ("10m", "3일"). */
  previews: Partial<Record<RatingName, string>>;
  /** The answer is one short fact, so it can be typed and compared. */
  typeable: boolean;
};

const fileName = (p: string) => p.split(/[\\/]/).pop() ?? p;

export function toDueView(next: Next): DueView | null {
  const c = next.card;
  if (!c) return null;
  const previews: DueView['previews'] = {};
  for (const r of RATINGS) if (next.previews?.[r]) previews[r] = next.previews[r].label;
  return {
    cardId: c.id,
    prompt: c.prompt,
    answer: c.answer,
    deck: c.deck,
    context: c.context,
    source: c.source.file ? `${fileName(c.source.file)}${c.source.line ? `:${c.source.line}` : ''}` : null,
    previews,
    typeable: c.answerKind !== null,
  };
}
