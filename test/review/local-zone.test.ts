import { afterEach, describe, expect, it } from 'vitest';
import { dayBounds, LOCAL_ZONE, learnerDay, tzOffsetMs } from '../../core/review/day.ts';

const saved = process.env.TZ;
afterEach(() => {
  if (saved === undefined) delete process.env.TZ;
  else process.env.TZ = saved;
});

describe('the machine’s own zone (no timeZone setting) counts days as the named zone does', () => {
  for (const zone of ['Asia/Seoul', 'America/New_York', 'Europe/London', 'Australia/Lord_Howe']) {
    it(`${zone}: same offsets, days and day bounds through both DST changes of 2026`, () => {
      process.env.TZ = zone;
      const start = Date.parse('2026-01-01T00:00:00Z');
      for (let t = start; t < start + 366 * 86_400_000; t += 3 * 3_600_000 + 17 * 60_000) {
        expect(tzOffsetMs(t, LOCAL_ZONE)).toBe(tzOffsetMs(t, zone));
        const local = { timeZone: LOCAL_ZONE, startHour: 4 };
        const named = { timeZone: zone, startHour: 4 };
        expect(learnerDay(t, local)).toBe(learnerDay(t, named));
        expect(dayBounds(t, local)).toEqual(dayBounds(t, named));
      }
    });
  }
});
