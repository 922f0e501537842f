import type { SettingKey } from './review/settings.ts';

// Spelled out (as settings.ts stores it) so opening a database does not load the scheduler's settings module.
const DAY_START_KEY = `review.${'dayStartHour' satisfies SettingKey}`;
const HOUR_MS = 3_600_000;

/**
 * The day the database's daily integrity check counts: the learner's day-start hour (default 04:00) on this
 * machine's local clock. Not their timeZone setting: Intl's time-zone data costs 15 ms at start-up, and a check
 * that runs once a day a few hours early or late is as safe.
 */
export function checkDay(now: Date, setting: (key: string) => string | undefined): string {
  let hour: unknown;
  try {
    hour = JSON.parse(setting(DAY_START_KEY) ?? '4');
  } catch {
    hour = 4;
  }
  const startHour =
    Number.isInteger(hour) && (hour as number) >= 0 && (hour as number) <= 23 ? (hour as number) : 4;
  const d = new Date(now.getTime() - startHour * HOUR_MS);
  return `${d.getFullYear()}-${d.getMonth() + 1}-${d.getDate()}`;
}
