import { useCallback, useEffect, useRef } from 'react';
import { call } from '../api/client.ts';
import type { DueView, Next, RatingName } from './review-view.ts';

type Peek = { cardId: string; deck: string | undefined; results: Promise<Record<RatingName, Next>> };

/**
 * The Review screen's calls in the order the learner made them, and the next card worked out ahead.
 *
 * While a card is on screen, `review/peek` asks the core which card follows each of the four ratings (nothing is
 * written). A rating key then paints that card at once, and the rating goes to the core behind it, so the time
 * from key to next card is the screen's own render, not a round trip through a core that may be busy. Every call
 * goes through `after`, one at a time: a peek never runs before the rating it must see, an undo never before the
 * rating it takes back.
 */
export function useReviewAhead(due: DueView | null | undefined, deck: string | undefined) {
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const after = useCallback(<T>(work: () => Promise<T>): Promise<T> => {
    const p = queue.current.then(work, work);
    queue.current = p.catch(() => {});
    return p;
  }, []);
  const peeked = useRef<Peek | null>(null);

  useEffect(() => {
    if (!due) {
      peeked.current = null;
      return;
    }
    const results = after(() => call('review/peek', { cardId: due.cardId, next: deck ? { deck } : {} }));
    results.catch(() => {}); // a card that cannot be peeked at is rated the ordinary way
    peeked.current = { cardId: due.cardId, deck, results };
  }, [due, deck, after]);

  /** The card that follows `rating` of the card on screen, when it was worked out ahead; each peek serves once. */
  const take = useCallback(
    async (cardId: string, rating: RatingName): Promise<Next | null> => {
      const p = peeked.current;
      peeked.current = null;
      if (!p || p.cardId !== cardId || p.deck !== deck) return null;
      try {
        return (await p.results)[rating];
      } catch {
        return null;
      }
    },
    [deck],
  );
  return { after, take };
}
