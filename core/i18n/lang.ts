// The two languages, without the tables and i18next: serve checks a call's language before anything is translated.
export type Lang = 'ko' | 'en';
export const LANGS: readonly Lang[] = ['ko', 'en'];
export const isLang = (v: unknown): v is Lang => v === 'ko' || v === 'en';

/** Korean when the system language is Korean, English otherwise. */
export const langFromLocales = (locales: readonly (string | undefined)[]): Lang =>
  locales
    .find((l) => l)
    ?.toLowerCase()
    .startsWith('ko')
    ? 'ko'
    : 'en';
