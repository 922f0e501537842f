import { type Lang, langFromLocales } from '../../core/i18n/lang.ts';

/**
 * A saved choice wins; otherwise Korean when the system language is Korean, English otherwise. Apart from the
 * tables and i18next (./index.ts), so the first calls (first-calls.ts) leave before those are even evaluated.
 */
export function initialLang(saved: string | null, navigatorLangs: readonly string[]): Lang {
  if (saved === 'ko' || saved === 'en') return saved;
  return langFromLocales(navigatorLangs);
}
