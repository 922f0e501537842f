import { afterEach, describe, expect, it } from 'vitest';
import { dayStart, learnerDay } from '../../core/review/day.ts';
import { freshCore } from './helpers.ts';

const H = 3_600_000;
let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

describe('learner day', () => {
  const seoul = { timeZone: 'Asia/Seoul', startHour: 4 };
  const ny = { timeZone: 'America/New_York', startHour: 4 };

  it('03:59 belongs to yesterday, 04:00 to today (Seoul)', () => {
    const a = learnerDay(Date.parse('2026-03-10T03:59:00+09:00'), seoul);
    const b = learnerDay(Date.parse('2026-03-10T04:00:00+09:00'), seoul);
    expect(b - a).toBe(1);
    expect(dayStart(b, seoul)).toBe(Date.parse('2026-03-10T04:00:00+09:00'));
  });

  it('DST days in New York are 23 and 25 hours long and start at 04:00 local', () => {
    const spring = learnerDay(Date.parse('2026-03-08T12:00:00-04:00'), ny);
    expect(dayStart(spring, ny)).toBe(Date.parse('2026-03-08T04:00:00-04:00'));
    expect(dayStart(spring, ny) - dayStart(spring - 1, ny)).toBe(23 * H);
    const fall = learnerDay(Date.parse('2026-11-01T12:00:00-05:00'), ny);
    expect(dayStart(fall, ny)).toBe(Date.parse('2026-11-01T04:00:00-05:00'));
    expect(dayStart(fall, ny) - dayStart(fall - 1, ny)).toBe(25 * H);
    expect(learnerDay(Date.parse('2026-11-01T03:59:00-05:00'), ny)).toBe(fall - 1);
  });

  it('a start hour inside the DST gap starts the day just after the gap', () => {
    const c = { timeZone: 'America/New_York', startHour: 2 };
    const d = learnerDay(Date.parse('2026-03-08T12:00:00-04:00'), c);
    expect(dayStart(d, c)).toBe(Date.parse('2026-03-08T03:00:00-04:00'));
    expect(learnerDay(dayStart(d, c), c)).toBe(d);
  });
});

/** Graduates the first card to review with an "easy" and returns it with its due day. */
async function graduate(start: string, tz: string) {
  const k = await freshCore(start, { timeZone: tz, fuzz: false });
  cleanup = k.done;
  const id = (await k.core.call('review/next', {})).card!.id;
  const r = await k.core.call('review/rate', { cardId: id, rating: 'easy' });
  return { k, id, due: Date.parse(r.card.due!), days: r.card.scheduledDays };
}

describe.each([
  ['Asia/Seoul', '2026-03-02T10:00:00+09:00', '+09:00'],
  ['America/New_York', '2026-03-02T10:00:00-05:00', '-05:00'],
])('review cards fall due at the day start in %s', (tz, start) => {
  it('are hidden at 03:59 and shown at 04:00 on their due day', async () => {
    const { k, id, due, days } = await graduate(start, tz);
    expect(days).toBeGreaterThan(1);
    const local = new Intl.DateTimeFormat('en-GB', {
      timeZone: tz,
      hour: '2-digit',
      minute: '2-digit',
    }).format(due);
    expect(local).toBe('04:00');
    k.clock.t = due - 60_000;
    const before = await k.core.call('review/next', {});
    expect(before.card?.id).not.toBe(id);
    await expect(k.core.call('review/rate', { cardId: id, rating: 'good' })).rejects.toThrow(/not due/);
    k.clock.t = due;
    const counts = await k.core.call('review/counts', {});
    expect(counts.review).toBe(1);
    await k.core.call('review/rate', { cardId: id, rating: 'good' });
  });
});

describe('across DST', () => {
  it('a New York card due after spring-forward still falls due at 04:00 local', async () => {
    const { due } = await graduate('2026-03-06T10:00:00-05:00', 'America/New_York');
    expect(due).toBeGreaterThan(Date.parse('2026-03-08T12:00:00Z'));
    const local = new Intl.DateTimeFormat('en-GB', {
      timeZone: 'America/New_York',
      hour: '2-digit',
      minute: '2-digit',
    }).format(due);
    expect(local).toBe('04:00');
  });
});
