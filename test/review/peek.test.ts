import { describe, expect, it } from 'vitest';
import { freshCore } from './helpers.ts';

describe('review/peek', () => {
  it('gives the next card after each rating, the same as rating would, and writes nothing', async () => {
    const k = await freshCore('2026-04-01T10:00:00Z');
    try {
      const first = await k.core.call('review/next', {});
      const id = first.card!.id;
      const before = k.core.ctx.db.prepare('SELECT count(*) AS n FROM review_log').get();
      const peek = await k.core.call('review/peek', { cardId: id, next: {} });
      expect(k.core.ctx.db.prepare('SELECT count(*) AS n FROM review_log').get()).toEqual(before);
      expect((await k.core.call('review/next', {})).card!.id).toBe(id);
      // Again on a new card brings it back within minutes; Easy sends it away: the next card differs.
      expect(peek.easy!.card!.id).not.toBe(id);
      const rated = await k.core.call('review/rate-next', {
        rate: { cardId: id, rating: 'easy', elapsedMs: 1000 },
        next: {},
      });
      expect(rated.next.card!.id).toBe(peek.easy!.card!.id);
      expect(rated.next.counts).toEqual(peek.easy!.counts);
      // Only the ratings asked for are worked out.
      const good = await k.core.call('review/peek', {
        cardId: rated.next.card!.id,
        next: {},
        ratings: ['good'],
      });
      expect(Object.keys(good)).toEqual(['good']);
    } finally {
      k.done();
    }
  });
});
