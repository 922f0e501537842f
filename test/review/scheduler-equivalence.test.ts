import { type Card, createEmptyCard, fsrs, type Grade, generatorParameters, State } from 'ts-fsrs';
import { afterEach, describe, expect, it } from 'vitest';
import { freshCore } from './helpers.ts';

const NAMES = ['again', 'hard', 'good', 'easy'] as const;
const STATES = ['new', 'learning', 'review', 'relearning'];
let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

/** Runs the same ratings at the same moments through Kubedeck and through ts-fsrs directly. */
async function compare(ratings: Grade[], fuzz: boolean, weights?: number[]) {
  const settings: Record<string, string | number | boolean> = { dayStartHour: 0, fuzz };
  if (weights) settings.weights = weights.join(' ');
  const k = await freshCore('2026-01-05T09:00:00Z', settings);
  cleanup = k.done;
  const f = fsrs(
    generatorParameters({
      request_retention: 0.9,
      maximum_interval: 36500,
      enable_fuzz: fuzz,
      enable_short_term: true,
      learning_steps: ['1m', '10m'],
      relearning_steps: ['10m'],
      ...(weights ? { w: weights } : {}),
    }),
  );
  const first = await k.core.call('review/next', {});
  const id = first.card!.id;
  let direct: Card = createEmptyCard(new Date(k.clock.t));
  let t = k.clock.t;
  let lapses = 0;
  for (const g of ratings) {
    k.clock.t = t;
    const ours = (await k.core.call('review/rate', { cardId: id, rating: NAMES[g - 1]! })).card;
    direct = f.next(direct, new Date(t), g).card;
    expect(ours.stability).toBe(direct.stability);
    expect(ours.difficulty).toBe(direct.difficulty);
    expect(ours.scheduledDays).toBe(direct.scheduled_days);
    expect(ours.state).toBe(STATES[direct.state]);
    expect(ours.reps).toBe(direct.reps);
    expect(ours.lapses).toBe(direct.lapses);
    lapses = ours.lapses;
    if (direct.state === State.Review) {
      // Same calendar day; ours falls due at that day's start (00:00 UTC here), ts-fsrs at the same clock time.
      expect(ours.due!.slice(0, 10)).toBe(direct.due.toISOString().slice(0, 10));
      t = Date.parse(ours.due!) + 9 * 3_600_000 + 17 * 60_000;
    } else {
      expect(ours.due).toBe(direct.due.toISOString());
      t = Date.parse(ours.due!) + 30_000;
    }
  }
  return lapses;
}

describe('scheduler matches ts-fsrs', () => {
  const seq: Grade[] = [3, 3, 3, 3, 1, 3, 3, 2, 1, 1, 3, 4, 3, 1, 2, 3, 3, 4, 1, 3, 3];

  it('with fuzz, lapses and relearning', async () => {
    expect(await compare(seq, true)).toBeGreaterThanOrEqual(4);
  });

  it('without fuzz, a new card rated again and hard in learning', async () => {
    expect(await compare([1, 2, 1, 3, 3, 3, 1, 1, 3, 3], false)).toBeGreaterThanOrEqual(1);
  });

  it('with custom FSRS-6 weights', async () => {
    const w = [
      0.3, 1.2, 3.1, 15.0, 7.0, 0.55, 1.8, 0.01, 1.5, 0.12, 1.0, 1.9, 0.1, 0.3, 2.2, 0.25, 2.9, 0.5, 0.3, 0.1,
      0.2,
    ];
    expect(await compare(seq, true, w)).toBeGreaterThanOrEqual(4);
  });
});
