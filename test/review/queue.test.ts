import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { freshCore } from './helpers.ts';

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());
const MIN = 60_000;

async function setup(settings: Record<string, string | number | boolean> = {}) {
  const k = await freshCore('2026-04-01T10:00:00Z', { fuzz: false, ...settings });
  cleanup = k.done;
  const raw = () => new Database(join(k.dir, 'k.sqlite'));
  return { ...k, raw };
}

describe('queue', () => {
  it('shows new cards in note order, learning cards first when due, and keeps the daily new limit', async () => {
    const k = await setup({ newPerDay: 3 });
    const cards = await k.core.call('cards/list', {});
    const first = await k.core.call('review/next', {});
    expect(first.card!.id).toBe(cards[0]!.id);
    expect(first.counts).toEqual({ new: 3, learning: 0, review: 0 });
    await k.core.call('review/rate', { cardId: first.card!.id, rating: 'again' });
    const second = await k.core.call('review/next', {});
    expect(second.card!.id).toBe(cards[1]!.id);
    expect(second.counts).toEqual({ new: 2, learning: 1, review: 0 });
    k.clock.add(MIN);
    const third = await k.core.call('review/next', {});
    expect(third.card!.id).toBe(cards[0]!.id);
    expect(third.card!.state).toBe('learning');
    await k.core.call('review/rate', { cardId: cards[0]!.id, rating: 'good' });
    await k.core.call('review/rate', { cardId: cards[1]!.id, rating: 'easy' });
    await k.core.call('review/rate', { cardId: cards[2]!.id, rating: 'easy' });
    const after = await k.core.call('review/next', {});
    expect(after.counts.new).toBe(0);
    // Only the learning card (10 m step) remains, within the 20-minute learn-ahead.
    expect(after.card!.id).toBe(cards[0]!.id);
    await k.core.call('review/rate', { cardId: cards[0]!.id, rating: 'good' });
    expect((await k.core.call('review/next', {})).card).toBeNull();
  });

  it('buries siblings until the next day and never shows suspended cards', async () => {
    const k = await setup();
    const cards = await k.core.call('cards/list', {});
    const cloze = cards.filter((c) => c.kind === 'cloze');
    expect(cloze.length).toBe(2);
    for (const c of cards.slice(0, cards.length - 2)) await k.core.call('review/suspend', { cardId: c.id });
    const n = await k.core.call('review/next', {});
    expect(n.card!.id).toBe(cloze[0]!.id);
    expect(n.counts.new).toBe(2);
    const r = await k.core.call('review/rate', { cardId: cloze[0]!.id, rating: 'easy' });
    expect(r.buried).toBe(1);
    expect((await k.core.call('review/next', {})).card).toBeNull();
    await expect(k.core.call('review/rate', { cardId: cloze[1]!.id, rating: 'good' })).rejects.toThrow(
      /not due/,
    );
    k.clock.set('2026-04-02T04:00:00Z');
    expect((await k.core.call('review/next', {})).card!.id).toBe(cloze[1]!.id);
    await k.core.call('review/unsuspend', { cardId: cards[0]!.id });
    expect((await k.core.call('review/next', {})).counts.new).toBe(2);
  });

  it('undo restores card rows and the review log exactly, over several levels', async () => {
    const k = await setup();
    const db = k.raw();
    const snapshot = () => ({
      cards: db.prepare('SELECT * FROM cards ORDER BY id').all(),
      log: db.prepare('SELECT * FROM review_log ORDER BY id').all(),
    });
    const states = [snapshot()];
    for (let i = 0; i < 5; i++) {
      const n = await k.core.call('review/next', {});
      await k.core.call('review/rate', {
        cardId: n.card!.id,
        rating: i % 2 ? 'good' : 'again',
        elapsedMs: 1500 + i,
      });
      k.clock.add(2 * MIN);
      states.push(snapshot());
    }
    expect(states[5]!.log.length).toBe(5);
    expect((states[5]!.log[0] as { elapsed_ms: number }).elapsed_ms).toBe(1500);
    for (let i = 4; i >= 0; i--) {
      await k.core.call('review/undo', {});
      expect(snapshot()).toEqual(states[i]);
    }
    await expect(k.core.call('review/undo', {})).rejects.toThrow(/nothing to undo/);
    db.close();
  });

  it('tags and suspends a leech after 8 lapses and says so', async () => {
    const k = await setup({ relearningSteps: '' });
    const id = (await k.core.call('review/next', {})).card!.id;
    let r = await k.core.call('review/rate', { cardId: id, rating: 'easy' });
    let leech = false;
    for (let i = 0; i < 8; i++) {
      k.clock.t = Date.parse(r.card.due!) + 3_600_000;
      const out = await k.core.call('review/rate', { cardId: id, rating: i < 7 ? 'again' : 'again' });
      r = out;
      if (i < 7) expect(out.leech).toBe(false);
      leech = out.leech;
      if (out.card.state !== 'review') {
        k.clock.add(MIN);
      }
    }
    expect(r.card.lapses).toBe(8);
    expect(leech).toBe(true);
    expect(r.message).toMatch(/leech/);
    const card = (await k.core.call('cards/list', {})).find((c) => c.id === id)!;
    expect(card.tags).toContain('leech');
    expect(card.suspended).toBe(true);
  });

  it('refuses unknown cards, cards not due, a clock before the last review and corrupt settings', async () => {
    const k = await setup();
    await expect(k.core.call('review/rate', { cardId: 'nope', rating: 'good' })).rejects.toThrow(
      /no card with id "nope"/,
    );
    const id = (await k.core.call('review/next', {})).card!.id;
    await k.core.call('review/rate', { cardId: id, rating: 'easy' });
    await expect(k.core.call('review/rate', { cardId: id, rating: 'good' })).rejects.toThrow(/not due/);
    k.clock.add(-MIN);
    await expect(k.core.call('review/rate', { cardId: id, rating: 'good', early: true })).rejects.toThrow(
      /before this card's last review/,
    );
    const db = k.raw();
    expect((db.prepare('SELECT count(*) AS n FROM review_log').get() as { n: number }).n).toBe(1);
    db.prepare(
      "INSERT OR REPLACE INTO settings (key, value) VALUES ('review.desiredRetention', '\"lots\"')",
    ).run();
    db.close();
    await expect(k.core.call('review/next', {})).rejects.toThrow(
      /setting desiredRetention holds a corrupt value/,
    );
  });
});
