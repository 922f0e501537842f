import { createContext, useContext } from 'react';
import { en } from './en.ts';
import { ko } from './ko.ts';

export type Lang = 'ko' | 'en';
export type StringKey = keyof typeof en;
export type T = (key: StringKey) => string;

const tables: Record<Lang, Record<StringKey, string>> = { ko, en };

export const translator =
  (lang: Lang): T =>
  (key) =>
    tables[lang][key];

/** Korean when the system language is Korean, English otherwise; a saved choice wins. */
export function initialLang(saved: string | null, navigatorLangs: readonly string[]): Lang {
  if (saved === 'ko' || saved === 'en') return saved;
  const first = navigatorLangs[0]?.toLowerCase() ?? 'ko';
  return first.startsWith('ko') ? 'ko' : 'en';
}

export const LangContext = createContext<{ lang: Lang; t: T; setLang: (l: Lang) => void }>({
  lang: 'ko',
  t: translator('ko'),
  setLang: () => {},
});

export const useI18n = () => useContext(LangContext);
