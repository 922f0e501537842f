import type { Lang } from '../context.ts';

const UNITS = {
  en: { m: 'm', h: 'h', d: 'd', mo: 'mo', y: 'y' },
  ko: { m: '분', h: '시간', d: '일', mo: '개월', y: '년' },
} as const;

const trim = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1).replace(/\.0$/, ''));

/**
 * The short label on a rating button: minutes and hours for learning steps, days, months (30 d), years (365 d) for
 * review intervals. "10m", "1d", "4d", "3mo", "1.2y"; in Korean "10분", "1일", "3개월".
 */
export function intervalLabel(scheduledDays: number, ms: number, lang: Lang): string {
  const u = UNITS[lang];
  if (scheduledDays < 1) {
    const minutes = Math.max(1, Math.round(ms / 60_000));
    if (minutes < 60) return `${minutes}${u.m}`;
    const hours = Math.round(minutes / 6) / 10;
    if (hours < 24) return `${trim(hours)}${u.h}`;
    return `1${u.d}`;
  }
  if (scheduledDays < 30) return `${scheduledDays}${u.d}`;
  if (scheduledDays < 365) return `${trim(Math.round(scheduledDays / 3) / 10)}${u.mo}`;
  return `${trim(Math.round(scheduledDays / 36.5) / 10)}${u.y}`;
}
