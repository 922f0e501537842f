import { type Lang, translator } from '../i18n/index.ts';

const trim = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1).replace(/\.0$/, ''));

/**
 * The short label on a rating button: minutes and hours for learning steps, days, months (30 d), years (365 d) for
 * review intervals. "10m", "1d", "4d", "3mo", "1.2y"; in Korean "10분", "1일", "3개월".
 */
export function intervalLabel(scheduledDays: number, ms: number, lang: Lang): string {
  const t = translator(lang);
  if (scheduledDays < 1) {
    const minutes = Math.max(1, Math.round(ms / 60_000));
    if (minutes < 60) return t('unit.m', { n: minutes });
    const hours = Math.round(minutes / 6) / 10;
    if (hours < 24) return t('unit.h', { n: trim(hours) });
    return t('unit.d', { n: 1 });
  }
  if (scheduledDays < 30) return t('unit.d', { n: scheduledDays });
  if (scheduledDays < 365) return t('unit.mo', { n: trim(Math.round(scheduledDays / 3) / 10) });
  return t('unit.y', { n: trim(Math.round(scheduledDays / 36.5) / 10) });
}
