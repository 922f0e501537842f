import { LOCAL_ZONE, systemTimeZone } from '../settings/schema.ts';

/**
 * The learner's day: it starts at `startHour` local time in `timeZone` (as in Anki, default 04:00), so a review at
 * 03:59 still belongs to yesterday. All offsets come from Intl.DateTimeFormat, which knows every zone's DST rules;
 * there is no hand-rolled zone table here.
 */
export const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** True when Intl knows the zone name ("Asia/Seoul", "UTC", ...). */
export function isValidTimeZone(tz: string): boolean {
  try {
    // The cached formatter doubles as the check: building one per call costs more than the whole day computation.
    formatter(tz);
    return true;
  } catch {
    return false;
  }
}

// LOCAL_ZONE, "this machine's zone" (no timeZone setting stored): offsets then come from Date, which reads the
// same zone data, without building an Intl formatter (15 ms on a CLI's start-up path).
export { LOCAL_ZONE, systemTimeZone };

/** Local wall clock minus UTC at instant `t`, in ms (+9 h for Seoul, -5 h or -4 h for New York). */
export function tzOffsetMs(t: number, timeZone: string): number {
  if (timeZone === LOCAL_ZONE) return (0 - new Date(t).getTimezoneOffset()) * 60_000;
  const parts = formatter(timeZone).formatToParts(new Date(t));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return wall - Math.floor(t / 1000) * 1000;
}

export type DayClock = { timeZone: string; startHour: number };

/**
 * The "learner clock": an instant shifted so that the learner's day boundaries fall on UTC midnights. Day arithmetic
 * on it (UTC date differences, as ts-fsrs does) then counts the learner's days, whatever the zone or DST.
 */
export const learnerClock = (t: number, c: DayClock): number =>
  t + tzOffsetMs(t, c.timeZone) - c.startHour * HOUR_MS;

/** The learner's day number (days since 1970-01-01 in their calendar, counting from `startHour`). */
export const learnerDay = (t: number, c: DayClock): number => Math.floor(learnerClock(t, c) / DAY_MS);

/**
 * The instant day `day` starts: local `startHour`:00 on that date. When that wall time does not exist (a DST gap at
 * the start hour), the first instant after the gap.
 */
export function dayStart(day: number, c: DayClock): number {
  const wall = day * DAY_MS + c.startHour * HOUR_MS;
  let t = wall - tzOffsetMs(wall, c.timeZone);
  for (let i = 0; i < 3; i++) {
    const next = wall - tzOffsetMs(t, c.timeZone);
    if (next === t) return t;
    t = next;
  }
  // A gap: neither offset maps back to the wall time; take the later candidate (just after the gap).
  const a = wall - tzOffsetMs(wall - 12 * HOUR_MS, c.timeZone);
  const b = wall - tzOffsetMs(wall + 12 * HOUR_MS, c.timeZone);
  return Math.max(a, b);
}

/** Start of the day `t` is in, and of the next one. */
export function dayBounds(t: number, c: DayClock): { day: number; start: number; end: number } {
  const day = learnerDay(t, c);
  return { day, start: dayStart(day, c), end: dayStart(day + 1, c) };
}
