import { useCallback, useEffect, useRef } from 'react';
import type { ApiArgs, ApiResult } from '../../core/api.ts';
import { call } from '../api/client.ts';
import type { DueView, Next } from './review-view.ts';

type RateArgs = ApiArgs<'review/rate'>;
type Rated = ApiResult<'review/rate-next'>['rated'];
/** The card after Good on the card on screen, known or on its way. */
type Ahead = { cardId: string; deck: string | undefined; good: Promise<Next | null> };

/**
 * The Review screen's calls in the order the learner made them, and the card after Good worked out ahead.
 *
 * Good is the key pressed most. While a card is on screen, the core has already said which card follows Good on it
 * (`review/peek`, or the `ahead` that comes with the previous rating; nothing is written for it). Good then paints
 * that card at once and the rating goes to the core behind it, so the time from key to next card is the screen's
 * own render, not a round trip through a core that may be busy. Other ratings take one round trip, as before.
 * Every call goes through `after`, one at a time: a peek never runs before the rating it must see, an undo never
 * before the rating it takes back.
 */
export function useReviewAhead(due: DueView | null | undefined, deck: string | undefined) {
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const after = useCallback(<T>(work: () => Promise<T>): Promise<T> => {
    const p = queue.current.then(work, work);
    queue.current = p.catch(() => {});
    return p;
  }, []);
  const ahead = useRef<Ahead | null>(null);
  /** The card on screen: a peek still waiting its turn for a card no longer shown is skipped. */
  const showing = useRef<string | null>(null);

  useEffect(() => {
    showing.current = due?.cardId ?? null;
    if (!due || (ahead.current?.cardId === due.cardId && ahead.current.deck === deck)) return;
    const cardId = due.cardId;
    const good = after(
      (): Promise<Next | null> =>
        showing.current === cardId
          ? call('review/peek', { cardId, next: deck ? { deck } : {}, ratings: ['good'] }).then(
              (r) => r.good ?? null,
            )
          : Promise.resolve(null),
    );
    good.catch(() => {}); // a card that cannot be peeked at is rated the ordinary way
    ahead.current = { cardId, deck, good };
  }, [due, deck, after]);

  /**
   * Rates the card on screen. `next` is the card to show: at once when it was known ahead (then `rated` settles
   * when the core has the rating), else after the round trip.
   */
  const rateCard = useCallback(
    async (args: RateArgs): Promise<{ next: Next; rated: Promise<Rated> }> => {
      const a = ahead.current;
      ahead.current = null;
      const known =
        a && a.cardId === args.cardId && a.deck === deck && args.rating === 'good'
          ? await a.good.catch(() => null)
          : null;
      const sent = after(() =>
        call('review/rate-next', { rate: args, next: deck ? { deck } : {}, peek: true }),
      );
      if (known) {
        const id = known.card?.id;
        if (id !== undefined)
          ahead.current = {
            cardId: id,
            deck,
            good: sent.then((r) => (r.next.card?.id === id ? (r.ahead?.good ?? null) : null)),
          };
        return { next: known, rated: sent.then((r) => r.rated) };
      }
      const r = await sent;
      if (r.next.card)
        ahead.current = { cardId: r.next.card.id, deck, good: Promise.resolve(r.ahead?.good ?? null) };
      return { next: r.next, rated: Promise.resolve(r.rated) };
    },
    [deck, after],
  );
  return { after, rateCard };
}
